// GOV.UK Frontend's enhancements (the mobile menu, error summary focus): every page works
// without them. A file of its own, not inline, so the content security policy allows no
// inline script but the template's one line marking the page as having JavaScript.
import { initAll } from "../build/govuk-frontend.min.js";

initAll();
