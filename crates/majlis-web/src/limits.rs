//! Size limits of request bodies beyond the general one (`limits.max_body`).

/// Body limit of routes taking long texts (minutes, a workshop's outcome).
pub const LONG_FORM_BODY: usize = 4 * 1024 * 1024;

/// Largest request carrying a document (base64 in JSON, or a form upload):
/// the upload limit itself is checked by the store, with a clear error.
pub const UPLOAD_BODY: usize = 16 * 1024 * 1024;
