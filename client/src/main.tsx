import './app/noEval.ts';
import './i18n/index.ts';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './i18n/hangul.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
