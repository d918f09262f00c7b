// Boot: creates the API client, mounts <bs-app> and feeds it the route from the location hash.
import { Api } from './data/api.ts';
import { parseRoute } from './route.ts';
import './views/app/bs-app.ts';

const app = document.querySelector('bs-app') ?? document.body.appendChild(document.createElement('bs-app'));
const api = new Api('', () => app.sessionExpired());
api.onPasswordChangeRequired = () => app.passwordChangeRequired();
app.api = api;
api.startWorker();
app.route = parseRoute(location.hash);
window.addEventListener('hashchange', () => {
  app.route = parseRoute(location.hash);
});
