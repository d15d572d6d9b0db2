// Read by people on weak phones and by link previewers and search engines: plain HTML, no script.
export const csr = false;
