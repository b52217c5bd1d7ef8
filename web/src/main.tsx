import { render } from 'preact';
import { App } from './app';
import { initialLanguage, switchLanguage } from './lib/i18n';
import { navigate } from './lib/router';
import './styles.css';

// Same-origin links navigate inside the app.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  const href = anchor?.getAttribute('href');
  if (!anchor || !href || !href.startsWith('/') || href.startsWith('/api') || anchor.target) return;
  event.preventDefault();
  navigate(href);
});

// The language's catalog first (one small request), then the app; without it the app still starts.
const start = () => render(<App />, document.getElementById('app')!);
switchLanguage(initialLanguage()).then(start, start);
