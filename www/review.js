// The page script of review.html, as js/README.md shows it: a page with no field to guard loads the finder's file
// alone and guards its memos once the module is ready.
import { ready, enhanceMemos } from '/pkg/pccc-guard-text.js';

await ready;
enhanceMemos(document);
document.body.dataset.guarded = '';
