// Dev-only entry: the real App against the in-memory fake API, for looking at the UI
// without a backend. Not referenced by index.html, so never in the production bundle.
import { createRoot } from 'react-dom/client';
import { App } from '../src/app/App';
import { createFakeApi } from '../../tests/renderer/fixtures/fake-api';
import '../src/styles/app.css';

const params = new URLSearchParams(location.search);
const count = Number(params.get('n') ?? '200');
const api = createFakeApi(count);
const started = performance.now();
const listArticles = api.listArticles.bind(api);
// Record when the list call answered so the perf script can measure render time after it.
api.listArticles = async (req) => {
  const out = await listArticles(req);
  (window as unknown as { folioListAnsweredAt: number }).folioListAnsweredAt =
    performance.now() - started;
  return out;
};
const container = document.getElementById('root');
if (container) createRoot(container).render(<App api={api} />);
