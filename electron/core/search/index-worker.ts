/**
 * Worker-thread side of the index pool: tokenises an article (Intl.Segmenter's dictionary words
 * cost about a microsecond a character) off the thread that writes the library and the index.
 */
import { serveWorker } from '../workers/serve-worker';
import { type IndexedArticle, type PackedDoc, buildDoc, packDoc } from './article-doc';

serveWorker<IndexedArticle, PackedDoc>((article) => packDoc(buildDoc(article)));
