//! The JavaScript API of the recipient fields (name, mobile number, postcode) and the cross-field check.
