// The console's language: `?lang=` or the browser's first of Finnish, Swedish and English (Finnish otherwise).
const wanted = [new URLSearchParams(location.search).get('lang'), ...navigator.languages]
  .map((tag) => (tag ?? '').toLowerCase().split(/[-_]/)[0])
  .find((code) => code === 'fi' || code === 'sv' || code === 'en');
document.documentElement.lang = wanted ?? 'fi';
