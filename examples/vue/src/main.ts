import { createApp } from 'vue';
// Each import defines its element; the bundler keeps only these.
import 'osallistu/event.js';
import 'osallistu/priority-board.js';
import 'osallistu/feedback-form.js';
import 'osallistu/tag-cloud.js';
import App from './App.vue';
import { connect } from './scenario.ts';
import './app.css';

const connection = await connect(new URL(location.href));

createApp(App, { connection }).mount('#root');
