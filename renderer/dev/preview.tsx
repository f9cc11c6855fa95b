// Dev-only entry: the real App against the in-memory fake API, for looking at the UI
// without a backend. Not referenced by index.html, so never in the production bundle.
import { createRoot } from 'react-dom/client';
import { App } from '../src/app/App';
import { createFakeApi } from '../../tests/renderer/fixtures/fake-api';
import '../src/styles/app.css';

const params = new URLSearchParams(location.search);
const count = Number(params.get('n') ?? '200');
const api = createFakeApi(count);
const marks = window as unknown as { folioListAnsweredAt?: number; folioRowsShownAt?: number };
const listArticles = api.listArticles.bind(api);
// Record when the list call answered and when the first row painted, for the perf script.
api.listArticles = async (req) => {
  const out = await listArticles(req);
  if (req.view === 'all') {
    marks.folioListAnsweredAt = performance.now();
    const check = (): void => {
      if (document.querySelector('[data-testid="article-row"]'))
        marks.folioRowsShownAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }
  return out;
};
const container = document.getElementById('root');
if (container) createRoot(container).render(<App api={api} />);
