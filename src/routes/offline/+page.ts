// Shown by the service worker for a page never opened with a connection: words and a link only.
export const csr = false;
