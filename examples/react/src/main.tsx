import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Each import defines its element; the bundler keeps only these.
import 'osallistu/event.js';
import 'osallistu/priority-board.js';
import 'osallistu/feedback-form.js';
import 'osallistu/tag-cloud.js';
import { App } from './App.tsx';
import { connect } from './scenario.ts';
import './app.css';

const connection = await connect(new URL(location.href));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
