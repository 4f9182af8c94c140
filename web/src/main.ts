import './styles.css';
import { Explorer } from './app.ts';

const explorer = new Explorer();
explorer.start();
// For the end-to-end tests and the screenshot script: resolves once the view has caught up.
(window as unknown as { explorer: Explorer }).explorer = explorer;
