// Deep links: #test-3 opens a test, #profiles (or any view name) opens that view.
(function openFromHash() {
  const hash = location.hash.slice(1);
  if (/^test-\d+$/.test(hash) && JIG.tests[Number(hash.slice(5))]) showTest(Number(hash.slice(5)));
  else if (document.getElementById("view-" + hash)) showView(hash);
})();
