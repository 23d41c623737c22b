// Deep links: #test-3 opens a test, #profile-2 a profile, #profiles (or any view name) opens that view.
(function openFromHash() {
  const hash = location.hash.slice(1);
  if (/^test-\d+$/.test(hash) && JIG.tests[Number(hash.slice(5))]) showTest(Number(hash.slice(5)));
  else if (/^profile-\d+$/.test(hash) && JIG.profiles[Number(hash.slice(8))]) showProfile(Number(hash.slice(8)));
  else if (document.getElementById("view-" + hash)) showView(hash);
})();
