import './lib/csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootstrap } from './features/auth/session';
import './features/events';
import { initTheme } from './features/theme/theme';
import { initI18n } from './i18n';
import { socket } from './lib/socket';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/components.css';
import './styles/overlays.css';
import './styles/room.css';
import './styles/messages.css';
import './styles/attachments.css';
import './styles/media.css';
import './styles/viewer.css';

initTheme();
initI18n();
window.addEventListener('online', () => socket.retryNow());
void bootstrap();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
