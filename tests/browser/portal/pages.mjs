// Every page type of the portal, with who opens it and the status they get: the one list that
// check_axe.mjs walks (axe-core in Dutch and in English). A new page type is one line here.
//   name    what the page is (printed)
//   path    a path, or (state, lang) => path for pages made during the run (state: check_axe.mjs)
//   as      the roles that open it: anonymous, steward, coordinator, admin
//   status  the HTTP status they must get (an error page is a page type too)
const ALL = ['anonymous', 'steward', 'coordinator', 'admin'];
const STAFF = ['steward', 'coordinator', 'admin'];

export const PAGES = [
  { name: 'home', path: '/', as: ALL, status: 200 },
  { name: 'login', path: '/login', as: ['anonymous'], status: 200 },
  { name: 'upload form', path: '/upload', as: ['steward'], status: 200 },
  { name: 'upload result, rejected with findings', path: (s) => s.rejectedReport, as: ['steward', 'coordinator'], status: 200 },
  { name: 'upload result, findings page 2', path: (s) => `${s.rejectedReport}?page=2`, as: ['steward'], status: 200 },
  { name: 'upload result, accepted', path: (s) => s.acceptedReport, as: ['steward', 'coordinator'], status: 200 },
  { name: 'reports list', path: '/reports', as: ['steward', 'coordinator'], status: 200 },
  { name: 'deliveries (history)', path: '/deliveries', as: ['steward', 'coordinator'], status: 200 },
  { name: 'matrix', path: '/matrix?year=2021', as: ['coordinator'], status: 200 },
  { name: 'audit log (actions)', path: '/actions', as: ['coordinator', 'admin'], status: 200 },
  { name: 'audit log, filtered', path: '/actions?action=upload', as: ['coordinator'], status: 200 },
  { name: 'users', path: '/users', as: ['admin'], status: 200 },
  { name: 'jobs', path: '/jobs', as: ['coordinator'], status: 200 },
  { name: 'job page', path: (s) => s.job, as: ['coordinator'], status: 200 },
  { name: 'anomalies and review notes', path: '/anomalies?year=2021', as: ['coordinator'], status: 200 },
  { name: 'preview of the own ministry', path: '/preview?year=2021', as: ['steward'], status: 200 },
  { name: 'preview of a ministry', path: '/preview?year=2021&ministry=BZK', as: ['coordinator'], status: 200 },
  { name: 'releases list', path: '/releases', as: ALL, status: 200 },
  { name: 'released page (title page)', path: (s, lang) => `/releases/${s.release}/${lang}/index.html`, as: ['anonymous', 'steward'], status: 200 },
  { name: 'error 404 (no such page)', path: '/no/such/page', as: ALL, status: 404 },
  { name: 'error 404 (no such report)', path: '/reports/no-such-report', as: ['steward'], status: 404 },
  { name: 'error 401 (log in first)', path: '/upload', as: ['anonymous'], status: 401 },
  { name: 'error 403 (not for this role)', path: '/matrix', as: ['steward', 'admin'], status: 403 },
  { name: 'error 403 (upload as coordinator)', path: '/upload', as: ['coordinator'], status: 403 },
  { name: 'error 403 (jobs as steward or admin)', path: '/jobs', as: ['steward', 'admin'], status: 403 },
  { name: 'error 403 (another ministry\'s preview)', path: '/preview?year=2021&ministry=FIN', as: ['steward'], status: 403 },
];

export const ROLES = ALL;
export { STAFF };
