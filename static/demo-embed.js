// Sizes the embedded SellerCalc frame to its content (static/demo.html; docs/embedding.md).
// The calculator posts { type: "sellercalc:resize", height } to its parent whenever its height
// changes. Only messages from that frame, at the calculator's origin, are believed.
(function () {
  'use strict';
  var frame = document.getElementById('sellercalc');
  if (!frame) return;
  var calculatorOrigin = new URL(frame.src, location.href).origin;

  window.addEventListener('message', function (event) {
    if (event.origin !== calculatorOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== 'sellercalc:resize') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    // Bounded, so that a misbehaving frame cannot make the article absurdly long.
    frame.style.height = Math.min(Math.ceil(height), 20000) + 'px';
  });
})();
