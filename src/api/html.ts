/** The start of an HTML page (src/util/html-page.ts), for pages the front ends serve. */
export { pageHead, type PageHead } from '../util/html-page.js';
