/** The text a PDF the portal made draws, decoded through its fonts (src/server/pdf-shown-text.ts). */
export { flowingText as pdfText } from '../src/server/pdf-shown-text.ts';
