// The landing page is text, links and a plain form: it needs no JavaScript, so it ships none.
export const csr = false;
