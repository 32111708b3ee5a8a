/** This tool's version, as reports and protocol runs name it (`medcom-ig <VERSION>`). */
export const VERSION = '0.1.0';
