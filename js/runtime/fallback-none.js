// Builds without a JavaScript build (the text module, workerd): a failure to load is final.
export const fallback = null;
