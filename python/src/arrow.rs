//! Columns kept in Arrow's memory: pandas' `str` columns (pandas 3 keeps them in Arrow when pyarrow is installed),
//! pyarrow arrays and chunked arrays, polars Series. Iterating one from Python makes a `str` object per row (about
//! 550 ns a row for a pandas column, measured in bench/python/bench.py); read through the Arrow PyCapsule interface
//! instead (`__arrow_c_stream__`, Arrow's C stream interface), each value is a slice of the column's own buffers and
//! no Python object is made per row (pyarrow arrays offer `__arrow_c_array__`, the same data as one chunk).
//!
//! Read: UTF-8 string arrays with 32-bit offsets (`u`), 64-bit offsets (`U`) and string views (`vu`), in any number
//! of chunks, with a validity bitmap (a missing value is reported by its position, as in a list). Any other type
//! (a dictionary-encoded column, numbers) is left to Python's iteration.
//!
//! This is the extension's only unsafe code: it reads C structures a producer hands over. Each read is bounded by the
//! lengths the structures declare, and every offset is checked against the data it points into before a slice is
//! made, so a malformed column is an error, never a read outside its buffers.

#![allow(unsafe_code)]

use std::ffi::{c_char, c_int, c_void, CStr};
use std::ptr;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

#[repr(C)]
struct ArrowSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut ArrowSchema,
    dictionary: *mut ArrowSchema,
    release: Option<unsafe extern "C" fn(*mut ArrowSchema)>,
    private_data: *mut c_void,
}

#[repr(C)]
struct ArrowArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut ArrowArray,
    dictionary: *mut ArrowArray,
    release: Option<unsafe extern "C" fn(*mut ArrowArray)>,
    private_data: *mut c_void,
}

#[repr(C)]
struct ArrowArrayStream {
    get_schema: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowSchema) -> c_int>,
    get_next: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowArray) -> c_int>,
    get_last_error: Option<unsafe extern "C" fn(*mut ArrowArrayStream) -> *const c_char>,
    release: Option<unsafe extern "C" fn(*mut ArrowArrayStream)>,
    private_data: *mut c_void,
}

impl ArrowSchema {
    const fn empty() -> ArrowSchema {
        ArrowSchema {
            format: ptr::null(),
            name: ptr::null(),
            metadata: ptr::null(),
            flags: 0,
            n_children: 0,
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: None,
            private_data: ptr::null_mut(),
        }
    }
}

impl ArrowArray {
    const fn empty() -> ArrowArray {
        ArrowArray {
            length: 0,
            null_count: 0,
            offset: 0,
            n_buffers: 0,
            n_children: 0,
            buffers: ptr::null_mut(),
            children: ptr::null_mut(),
            dictionary: ptr::null_mut(),
            release: None,
            private_data: ptr::null_mut(),
        }
    }
}

/// A schema this code owns: released when dropped.
struct Schema(ArrowSchema);

impl Drop for Schema {
    fn drop(&mut self) {
        if let Some(release) = self.0.release {
            // SAFETY: the producer filled the schema and gave its ownership to us; release is called once.
            unsafe { release(&mut self.0) };
        }
    }
}

/// An array this code owns: released when dropped.
struct Array(ArrowArray);

impl Drop for Array {
    fn drop(&mut self) {
        if let Some(release) = self.0.release {
            // SAFETY: as for `Schema`.
            unsafe { release(&mut self.0) };
        }
    }
}

/// A stream this code owns (moved out of its capsule): released when dropped.
struct Stream(ArrowArrayStream);

impl Drop for Stream {
    fn drop(&mut self) {
        if let Some(release) = self.0.release {
            // SAFETY: the stream was moved out of its capsule, whose own copy was marked released; released once.
            unsafe { release(&mut self.0) };
        }
    }
}

impl Stream {
    fn error(&mut self, what: &str) -> PyErr {
        let detail = self.0.get_last_error.and_then(|f| {
            // SAFETY: the stream is live; the message, if any, lives until the next call on the stream.
            let message = unsafe { f(&mut self.0) };
            // SAFETY: a non-null message is a NUL-terminated string, by the interface's definition.
            (!message.is_null()).then(|| unsafe { CStr::from_ptr(message) }.to_string_lossy().into_owned())
        });
        PyValueError::new_err(format!(
            "pccc-guard: the column's Arrow stream failed to give its {what}: {}",
            detail.unwrap_or_default()
        ))
    }

    fn schema(&mut self) -> PyResult<Schema> {
        let get = self.0.get_schema.ok_or_else(|| self.error("schema"))?;
        let mut schema = Schema(ArrowSchema::empty());
        // SAFETY: the stream is live and `schema.0` is a valid place for the producer to fill.
        if unsafe { get(&mut self.0, &mut schema.0) } != 0 || schema.0.release.is_none() {
            return Err(self.error("schema"));
        }
        Ok(schema)
    }

    /// The next chunk, or `None` at the end of the stream.
    fn next(&mut self) -> PyResult<Option<Array>> {
        let get = self.0.get_next.ok_or_else(|| self.error("next chunk"))?;
        let mut array = Array(ArrowArray::empty());
        // SAFETY: as for `schema`.
        if unsafe { get(&mut self.0, &mut array.0) } != 0 {
            return Err(self.error("next chunk"));
        }
        Ok(array.0.release.is_some().then_some(array))
    }
}

/// How a chunk keeps its strings.
#[derive(Clone, Copy)]
enum Layout {
    /// `u`: 32-bit offsets into one data buffer.
    Utf8,
    /// `U`: 64-bit offsets.
    LargeUtf8,
    /// `vu`: 16-byte views, each holding a short string inline or pointing into one of several data buffers.
    View,
}

/// Where a column's chunks come from: a stream (`__arrow_c_stream__`: pandas Series, pyarrow chunked arrays, polars
/// Series), or one array (`__arrow_c_array__`: pyarrow arrays).
enum Source {
    Stream(Stream),
    Array(Option<Array>),
}

impl Source {
    fn next(&mut self) -> PyResult<Option<Array>> {
        match self {
            Source::Stream(stream) => stream.next(),
            Source::Array(array) => Ok(array.take()),
        }
    }
}

/// A column read through the Arrow C data interface.
pub struct Column {
    source: Source,
    layout: Layout,
}

/// Moves the structure out of a capsule named `name`, as the PyCapsule interface asks of a consumer: copied, and the
/// capsule's copy marked released (`release` set to null), so that only the consumer releases it.
///
/// # Safety
/// `T` must be the structure the capsule's name says it holds, with `release` where `released` reaches it.
unsafe fn take<T>(capsule: &Bound<'_, PyAny>, name: &CStr, released: impl FnOnce(&mut T)) -> Option<T> {
    let capsule = capsule.cast::<PyCapsule>().ok()?;
    let pointer = capsule.pointer_checked(Some(name)).ok()?.cast::<T>();
    // SAFETY: by the caller's promise, the capsule holds a `T`, live until the capsule's destructor runs.
    unsafe {
        let value = pointer.as_ptr().read();
        released(&mut *pointer.as_ptr());
        Some(value)
    }
}

/// The layout of a schema's format string, for the string types read here.
fn layout(schema: &Schema) -> Option<Layout> {
    if schema.0.format.is_null() {
        return None;
    }
    // SAFETY: a schema's format is a NUL-terminated string (the C data interface).
    match unsafe { CStr::from_ptr(schema.0.format) }.to_bytes() {
        b"u" => Some(Layout::Utf8),
        b"U" => Some(Layout::LargeUtf8),
        b"vu" => Some(Layout::View),
        _ => None,
    }
}

impl Column {
    /// The column `values` in Arrow's memory, when it offers itself through the PyCapsule interface with a string type
    /// read here; `None` for anything else (a list, a column of another type, or one of Python objects, which would be
    /// converted value by value to export it), which Python's iteration reads.
    pub fn of(values: &Bound<'_, PyAny>) -> PyResult<Option<Column>> {
        // A column of Python objects (pandas' `object` dtype): exporting it converts every value first, which costs
        // more than iterating it.
        if let Some(dtype) = values.getattr_opt("dtype")? {
            if dtype.str()?.to_cow()? == "object" {
                return Ok(None);
            }
        }
        // A column that cannot export itself (pandas without pyarrow raises ImportError) is read by iteration.
        if let Some(export) = values.getattr_opt("__arrow_c_stream__")? {
            let Ok(capsule) = export.call0() else {
                return Ok(None);
            };
            // SAFETY: a capsule named "arrow_array_stream" holds an ArrowArrayStream (the PyCapsule interface).
            let Some(stream) =
                (unsafe { take::<ArrowArrayStream>(&capsule, c"arrow_array_stream", |s| s.release = None) })
            else {
                return Ok(None);
            };
            let mut stream = Stream(stream);
            let schema = stream.schema()?;
            return Ok(layout(&schema).map(|layout| Column { source: Source::Stream(stream), layout }));
        }
        if let Some(export) = values.getattr_opt("__arrow_c_array__")? {
            let Ok(pair) = export.call0() else {
                return Ok(None);
            };
            let Ok((schema, array)) = pair.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>() else {
                return Ok(None);
            };
            // SAFETY: capsules named "arrow_schema" and "arrow_array" hold an ArrowSchema and an ArrowArray.
            let schema = unsafe { take::<ArrowSchema>(&schema, c"arrow_schema", |s| s.release = None) }.map(Schema);
            let array = unsafe { take::<ArrowArray>(&array, c"arrow_array", |a| a.release = None) }.map(Array);
            let (Some(schema), Some(array)) = (schema, array) else {
                return Ok(None);
            };
            return Ok(layout(&schema).map(|layout| Column { source: Source::Array(Some(array)), layout }));
        }
        Ok(None)
    }

    /// Calls `each` with the column's values, `chunk` at a time, in order.
    pub fn chunks(mut self, chunk: usize, mut each: impl FnMut(&[&str]) -> PyResult<()>) -> PyResult<()> {
        let mut position = 0;
        while let Some(array) = self.source.next()? {
            let strings = Strings::new(&array.0, self.layout)?;
            let mut texts: Vec<&str> = Vec::with_capacity(chunk.min(strings.len));
            let mut start = 0;
            while start < strings.len {
                let end = (start + chunk).min(strings.len);
                texts.clear();
                for i in start..end {
                    match strings.get(i) {
                        Ok(Some(text)) => texts.push(text),
                        Ok(None) => {
                            return Err(PyTypeError::new_err(format!(
                                "pccc-guard: values[{}] must be a str, got a missing value (fill it first, for example \
                                 with .fillna(\"\"))",
                                position + i
                            )))
                        }
                        Err(what) => {
                            return Err(PyValueError::new_err(format!("pccc-guard: values[{}]: {what}", position + i)))
                        }
                    }
                }
                each(&texts)?;
                start = end;
            }
            position += strings.len;
        }
        Ok(())
    }
}

/// The strings of one chunk, each checked against the buffers before it is read.
struct Strings<'a> {
    len: usize,
    offset: usize,
    validity: Option<&'a [u8]>,
    values: Values<'a>,
}

enum Values<'a> {
    Offsets32 { offsets: &'a [i32], data: &'a [u8] },
    Offsets64 { offsets: &'a [i64], data: &'a [u8] },
    Views { views: &'a [[u8; 16]], data: Vec<&'a [u8]> },
}

fn size(n: i64, what: &str) -> PyResult<usize> {
    usize::try_from(n).map_err(|_| PyValueError::new_err(format!("pccc-guard: the column's Arrow {what} is negative")))
}

impl<'a> Strings<'a> {
    fn new(array: &'a ArrowArray, layout: Layout) -> PyResult<Strings<'a>> {
        let len = size(array.length, "length")?;
        let offset = size(array.offset, "offset")?;
        let n_buffers = size(array.n_buffers, "buffer count")?;
        let malformed = || PyValueError::new_err("pccc-guard: the column's Arrow data is malformed");
        let rows = len.checked_add(offset).ok_or_else(malformed)?;
        if array.buffers.is_null() || n_buffers < 2 {
            return Err(malformed());
        }
        // SAFETY: `buffers` points to `n_buffers` buffer pointers (the C data interface).
        let buffers: &'a [*const c_void] = unsafe { std::slice::from_raw_parts(array.buffers.cast_const(), n_buffers) };
        let validity = if array.null_count == 0 || buffers[0].is_null() {
            None
        } else {
            // SAFETY: a validity bitmap holds a bit for each of `offset + length` slots.
            Some(unsafe { std::slice::from_raw_parts(buffers[0].cast::<u8>(), rows.div_ceil(8)) })
        };
        let values = match layout {
            Layout::Utf8 | Layout::LargeUtf8 => {
                if n_buffers != 3 || buffers[1].is_null() {
                    return Err(malformed());
                }
                let last = |end: i64| usize::try_from(end).map_err(|_| malformed());
                if matches!(layout, Layout::Utf8) {
                    // SAFETY: an offsets buffer holds `offset + length + 1` offsets.
                    let offsets = unsafe { std::slice::from_raw_parts(buffers[1].cast::<i32>(), rows + 1) };
                    let data = data(buffers[2], last(i64::from(offsets[rows]))?);
                    Values::Offsets32 { offsets, data }
                } else {
                    // SAFETY: as above, with 64-bit offsets.
                    let offsets = unsafe { std::slice::from_raw_parts(buffers[1].cast::<i64>(), rows + 1) };
                    let data = data(buffers[2], last(offsets[rows])?);
                    Values::Offsets64 { offsets, data }
                }
            }
            Layout::View => {
                // Buffers: validity, views, the data buffers, and last the data buffers' sizes.
                if n_buffers < 3 || buffers[1].is_null() || buffers[n_buffers - 1].is_null() {
                    return Err(malformed());
                }
                // SAFETY: a views buffer holds a 16-byte view for each of `offset + length` slots.
                let views = unsafe { std::slice::from_raw_parts(buffers[1].cast::<[u8; 16]>(), rows) };
                let count = n_buffers - 3;
                // SAFETY: the last buffer holds the sizes of the `count` data buffers, as 64-bit integers.
                let sizes = unsafe { std::slice::from_raw_parts(buffers[n_buffers - 1].cast::<i64>(), count) };
                let mut all = Vec::with_capacity(count);
                for (i, &n) in sizes.iter().enumerate() {
                    all.push(data(buffers[2 + i], size(n, "data buffer size")?));
                }
                Values::Views { views, data: all }
            }
        };
        Ok(Strings { len, offset, validity, values })
    }

    /// Row `i` of the chunk: its text, `None` when it is missing, or why it cannot be read.
    fn get(&self, i: usize) -> Result<Option<&'a str>, &'static str> {
        let slot = self.offset + i;
        if let Some(bits) = self.validity {
            if bits[slot / 8] & (1 << (slot % 8)) == 0 {
                return Ok(None);
            }
        }
        let bytes = match &self.values {
            Values::Offsets32 { offsets, data } => {
                let (start, end) = (offsets[slot], offsets[slot + 1]);
                let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
                    return Err("the column's Arrow offsets are malformed");
                };
                data.get(start..end).ok_or("the column's Arrow offsets are malformed")?
            }
            Values::Offsets64 { offsets, data } => {
                let (start, end) = (offsets[slot], offsets[slot + 1]);
                let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
                    return Err("the column's Arrow offsets are malformed");
                };
                data.get(start..end).ok_or("the column's Arrow offsets are malformed")?
            }
            Values::Views { views, data } => {
                let view = &views[slot];
                let word = |at: usize| i32::from_le_bytes([view[at], view[at + 1], view[at + 2], view[at + 3]]);
                let len = usize::try_from(word(0)).map_err(|_| "the column's Arrow views are malformed")?;
                if len <= 12 {
                    &view[4..4 + len]
                } else {
                    let buffer = usize::try_from(word(8)).map_err(|_| "the column's Arrow views are malformed")?;
                    let start = usize::try_from(word(12)).map_err(|_| "the column's Arrow views are malformed")?;
                    data.get(buffer)
                        .and_then(|d| d.get(start..start.checked_add(len)?))
                        .ok_or("the column's Arrow views are malformed")?
                }
            }
        };
        std::str::from_utf8(bytes).map(Some).map_err(|_| "the column's Arrow string is not UTF-8")
    }
}

/// The data buffer at `pointer`, of `len` bytes (an empty slice for a null pointer with nothing in it).
fn data<'a>(pointer: *const c_void, len: usize) -> &'a [u8] {
    if pointer.is_null() || len == 0 {
        return &[];
    }
    // SAFETY: a data buffer holds at least the bytes its offsets or sizes point to (the C data interface).
    unsafe { std::slice::from_raw_parts(pointer.cast::<u8>(), len) }
}
