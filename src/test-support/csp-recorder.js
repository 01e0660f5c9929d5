// Loaded first, as a classic script, by the frames of src/csp.test.ts (an inline script would break
// the policy under test): records every Content-Security-Policy violation and every uncaught error.
window.osaCspReport = { violations: [], errors: [] };
window.addEventListener(
  'securitypolicyviolation',
  (event) => {
    const target = event.composedPath()[0];
    const root = target instanceof Node ? target.getRootNode() : undefined;
    const element = target instanceof Element ? `<${target.localName}${target.className ? ` class="${target.className}"` : ''}>` : '';
    const where = root instanceof ShadowRoot ? ` in <${root.host.localName}${root.host.getAttribute('view') ? ` view="${root.host.getAttribute('view')}"` : ''}>` : '';
    window.osaCspReport.violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'an inline use'} on ${element || 'the document'}${where}${event.sample ? `: ${event.sample}` : ''}`);
  },
  true,
);
window.addEventListener('error', (event) => window.osaCspReport.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.osaCspReport.errors.push(String(event.reason)));
