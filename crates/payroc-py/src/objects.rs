//! Replies as Python objects. Each JSON object of a reply is a `PayrocObject` (its
//! fields as snake_case instance attributes, and by the API's own names for item
//! access and `to_dict()`), arrays are lists, and the rest str, int, float, bool and
//! None. Nothing here knows a schema: a field the SDK has never heard of is read
//! like any other.
//!
//! A reply's top-level object is read when the call returns; each object below it is
//! read from the reply's bytes when it is first looked at, one level at a time, and
//! never again: a bulk run that reads `payment.transaction_result.status` builds two
//! levels of a forty-object reply, and nothing is ever re-wrapped. Until then an
//! object holds the reply (shared) and where in it its JSON is.

use crate::errors::Failure;
use payroc_core::{DecodeError, Error};
use payroc_model::json::{describe_error, string_end};
use payroc_model::secret::{is_secret_field, redact, redact_field, REDACTED};
use pyo3::exceptions::{PyAttributeError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;
use serde::de::IgnoredAny;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

// A mapping given to `PayrocObject(...)` may nest as deep as a request body (deeper is
// taken for a cycle), and a reply as deep (deeper is refused when it is indexed).
use crate::body::MAX_DEPTH;

/// A reply object, or one nested in a reply: read a field as a snake_case attribute
/// (`payment.order.amount`) or by its API name (`payment["order"]["amount"]`);
/// `to_dict()` gives the JSON. Read-only. A subclass may map the API names of its
/// nested objects to classes in `_nested` (`{"payment": Payment}`).
#[pyclass(
    module = "payroc_rs._payroc",
    name = "PayrocObject",
    subclass,
    dict,
    frozen
)]
pub(crate) struct PayrocObject {
    /// The object under the API's keys, once read; nested objects are
    /// `PayrocObject`s.
    json: Py<PyDict>,
    /// Where the object's JSON is while it is still unread.
    unread: Mutex<Option<Unread>>,
}

/// An object's JSON: the reply it came in and which of the reply's nests it is.
#[derive(Clone)]
struct Unread {
    reply: Arc<Reply>,
    nest: usize,
}

/// A reply's bytes, and where each of its objects and arrays opens and closes,
/// found in one pass (made before the GIL is taken): reading one level of an object
/// jumps over the objects nested in it instead of reading through them.
pub(crate) struct Reply {
    bytes: Vec<u8>,
    /// The objects and arrays, in the order they open.
    nests: Vec<Nest>,
    /// Whether every bracket and string closed (a reply the core checked always does).
    whole: bool,
    /// Whether objects and arrays nest deeper than [`MAX_DEPTH`]. serde_json skips the
    /// values a type does not know without a depth limit, so a reply the core checked
    /// can; reading such a reply, its `repr` or its `to_dict()` would recurse that deep.
    too_deep: bool,
}

/// An object or array of a reply.
#[derive(Clone, Copy)]
struct Nest {
    /// Where its bracket opens.
    open: usize,
    /// Just past its closing bracket.
    close: usize,
    /// The number of the first nest opened after it closes.
    next: usize,
}

impl Reply {
    pub(crate) fn new(bytes: Vec<u8>) -> Self {
        let mut nests: Vec<Nest> = Vec::new();
        let mut open = Vec::new();
        let mut whole = true;
        let mut too_deep = false;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    i = string_end(&bytes, i + 1);
                    whole &= i < bytes.len();
                }
                b'{' | b'[' => {
                    open.push(nests.len());
                    too_deep |= open.len() > MAX_DEPTH;
                    nests.push(Nest {
                        open: i,
                        close: i,
                        next: 0,
                    });
                }
                b'}' | b']' => match open.pop() {
                    Some(k) => {
                        nests[k].close = i + 1;
                        nests[k].next = nests.len();
                    }
                    None => whole = false,
                },
                _ => {}
            }
            i += 1;
        }
        Self {
            bytes,
            nests,
            whole: whole && open.is_empty(),
            too_deep,
        }
    }

    /// The reply's bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl PayrocObject {
    fn with(json: Py<PyDict>, unread: Option<Unread>) -> Self {
        Self {
            json,
            unread: Mutex::new(unread),
        }
    }

    fn unread(&self) -> MutexGuard<'_, Option<Unread>> {
        self.unread.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Reads `obj` from its reply if it is still unread (its fields into its API-keyed
/// dict and `__dict__`); whether it was.
fn read(obj: &Bound<'_, PayrocObject>) -> PyResult<bool> {
    let unread = obj.get().unread().clone();
    let Some(unread) = unread else {
        return Ok(false);
    };
    let class = Class::of(obj.get_type())?;
    let made = Made::of(obj.clone())?;
    Cursor::at(obj.py(), &unread.reply, unread.nest).fields(&made, &class)?;
    *obj.get().unread() = None;
    Ok(true)
}

#[pymethods]
impl PayrocObject {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(
        py: Python<'_>,
        _args: &Bound<'_, PyTuple>,
        _kwargs: Option<&Bound<'_, PyDict>>,
    ) -> Self {
        // The arguments are `__init__`'s: only there does the instance (and its
        // `__dict__`) exist to be filled.
        Self::with(PyDict::new(py).unbind(), None)
    }

    /// Fills the object from `data`, a mapping under the API's keys (nested
    /// mappings become `PayrocObject`s too).
    #[pyo3(signature = (data=None))]
    fn __init__(slf: &Bound<'_, Self>, data: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        let Some(data) = data else {
            return Ok(());
        };
        if !slf.get().json.bind(slf.py()).is_empty() || slf.get().unread().is_some() {
            return Err(read_only(slf.as_any()));
        }
        let class = Class::of(slf.get_type())?;
        fill(
            &Made::of(slf.clone())?,
            &class,
            data.cast::<PyMapping>()?,
            0,
        )
    }

    /// The classes of nested objects, by API name, a subclass may give: none here.
    #[classattr]
    fn _nested() -> Option<Py<PyDict>> {
        None
    }

    /// A field not read yet: the object is read at its first look (a field it does
    /// not have, or one looked for after, raises `AttributeError`).
    fn __getattr__<'py>(
        slf: &Bound<'py, Self>,
        name: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if read(slf)? {
            if let Some(value) = Made::attrs(slf)?.get_item(name)? {
                return Ok(value);
            }
        }
        Err(PyAttributeError::new_err(format!(
            "'{}' object has no attribute '{}'",
            slf.get_type().name()?,
            name.to_cow()?
        )))
    }

    fn __dir__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        read(slf)?;
        let py = slf.py();
        py.get_type::<pyo3::types::PyAny>()
            .getattr(intern!(py, "__dir__"))?
            .call1((slf,))
    }

    /// The field under its API name; `KeyError` if the reply has none.
    fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        read(slf)?;
        slf.get().json.bind(slf.py()).as_any().get_item(key)
    }

    fn __contains__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        read(slf)?;
        slf.get().json.bind(slf.py()).contains(key)
    }

    /// The field under its API name, or `default` when the reply has none.
    #[pyo3(signature = (key, default=None))]
    fn get<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        read(slf)?;
        let py = slf.py();
        Ok(slf
            .get()
            .json
            .bind(py)
            .get_item(key)?
            .or(default)
            .unwrap_or_else(|| py.None().into_bound(py)))
    }

    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PayrocObject>) -> PyResult<bool> {
        read(slf)?;
        read(other)?;
        let py = slf.py();
        slf.get().json.bind(py).eq(other.get().json.bind(py))
    }

    fn __setattr__(slf: &Bound<'_, Self>, _name: &str, _value: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(read_only(slf.as_any()))
    }

    fn __delattr__(slf: &Bound<'_, Self>, _name: &str) -> PyResult<()> {
        Err(read_only(slf.as_any()))
    }

    /// The JSON object as the API wrote it (camelCase keys): new dicts and lists,
    /// yours to change.
    fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        plain(slf.as_any())
    }

    /// Every field, secrets redacted by the model's rule (`payroc_model::secret`).
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let mut out = String::new();
        write_object(&mut out, slf)?;
        Ok(redact(&out))
    }

    /// Pickled and copied as its class and its JSON.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let data = plain(slf.as_any())?;
        (slf.get_type(), (data,)).into_pyobject(slf.py())
    }
}

fn read_only(obj: &Bound<'_, PyAny>) -> PyErr {
    let name = obj
        .get_type()
        .name()
        .map_or_else(|_| "PayrocObject".to_owned(), |n| n.to_string());
    PyAttributeError::new_err(format!("{name} is read-only; use to_dict() for a copy"))
}

/// The class objects are made of at one place in a reply, and the classes its
/// subclass asks for below it (`_nested`).
struct Class<'py> {
    ty: Bound<'py, PyType>,
    /// Whether `ty` is `PayrocObject` itself (made without calling Python).
    plain: bool,
    nested: Option<Bound<'py, PyDict>>,
}

impl<'py> Class<'py> {
    fn of(ty: Bound<'py, PyType>) -> PyResult<Self> {
        let py = ty.py();
        if ty.is(py.get_type::<PayrocObject>()) {
            return Ok(Self {
                ty,
                plain: true,
                nested: None,
            });
        }
        if !ty.is_subclass_of::<PayrocObject>()? {
            return Err(PyTypeError::new_err(format!(
                "{} is not a subclass of PayrocObject",
                ty.name()?
            )));
        }
        // Found on PayrocObject (None) when the subclass names no classes.
        let nested = ty.getattr(intern!(py, "_nested"))?;
        let nested = if nested.is_none() {
            None
        } else {
            Some(nested.cast_into::<PyDict>()?)
        };
        Ok(Self {
            ty,
            plain: false,
            nested,
        })
    }

    fn plain(py: Python<'py>) -> Self {
        Self {
            ty: py.get_type::<PayrocObject>(),
            plain: true,
            nested: None,
        }
    }

    /// The class of the object under `key`, if this class names one.
    fn below(&self, key: &Bound<'py, PyString>) -> PyResult<Option<Class<'py>>> {
        match &self.nested {
            Some(nested) => match nested.get_item(key)? {
                Some(ty) => Ok(Some(Class::of(ty.cast_into::<PyType>()?)?)),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }

    /// An object of this class: empty, or to be read from `unread` when first
    /// looked at.
    fn make(&self, unread: Option<Unread>) -> PyResult<Bound<'py, PayrocObject>> {
        let py = self.ty.py();
        if self.plain {
            return Bound::new(py, PayrocObject::with(PyDict::new(py).unbind(), unread));
        }
        let obj = self.ty.call0()?.cast_into::<PayrocObject>()?;
        *obj.get().unread() = unread;
        Ok(obj)
    }
}

/// An object being filled, with its two dicts: the API's keys and `__dict__`.
struct Made<'py> {
    obj: Bound<'py, PayrocObject>,
    json: Bound<'py, PyDict>,
    attrs: Bound<'py, PyDict>,
}

impl<'py> Made<'py> {
    fn of(obj: Bound<'py, PayrocObject>) -> PyResult<Self> {
        let attrs = Self::attrs(&obj)?;
        let json = obj.get().json.bind(obj.py()).clone();
        Ok(Self { obj, json, attrs })
    }

    fn attrs(obj: &Bound<'py, PayrocObject>) -> PyResult<Bound<'py, PyDict>> {
        obj.getattr(intern!(obj.py(), "__dict__"))?
            .cast_into::<PyDict>()
            .map_err(Into::into)
    }

    fn put(&self, key: &Key<'py>, value: &Bound<'py, PyAny>) -> PyResult<()> {
        self.json.set_item(&key.name, value)?;
        if let Some(attr) = &key.attr {
            self.attrs.set_item(attr, value)?;
        }
        Ok(())
    }
}

/// A key of a reply: the API's name and the attribute it is read as, if any.
struct Key<'py> {
    name: Bound<'py, PyString>,
    attr: Option<Bound<'py, PyString>>,
}

/// The keys seen so far, as Python strings: replies repeat the same few hundred
/// names, and a fresh string per key and per reply would cost more than the rest
/// of the object. Capped, since a hostile server can send endless new names.
static KEYS: Mutex<Option<HashMap<Box<str>, CachedKey>>> = Mutex::new(None);
const MAX_KEYS: usize = 4096;

/// A [`Key`] kept between replies.
struct CachedKey {
    name: Py<PyString>,
    attr: Option<Py<PyString>>,
}

fn key<'py>(py: Python<'py>, name: &str) -> Key<'py> {
    let found = KEYS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(HashMap::new)
        .get(name)
        .map(|cached| Key {
            name: cached.name.bind(py).clone(),
            attr: cached.attr.as_ref().map(|a| a.bind(py).clone()),
        });
    if let Some(found) = found {
        return found;
    }
    // Made with the lock released: making a Python object may run other Python code.
    let made_name = PyString::new(py, name);
    let made = Key {
        attr: attribute(name).map(|a| {
            if a == name {
                made_name.clone()
            } else {
                PyString::new(py, &a)
            }
        }),
        name: made_name,
    };
    let mut cache = KEYS.lock().unwrap_or_else(PoisonError::into_inner);
    let cache = cache.get_or_insert_with(HashMap::new);
    if cache.len() < MAX_KEYS {
        let entry = CachedKey {
            name: made.name.clone().unbind(),
            attr: made.attr.as_ref().map(|a| a.clone().unbind()),
        };
        cache.insert(name.into(), entry);
    }
    made
}

/// The attribute API field `name` is read as: snake_case (`paymentId` →
/// `payment_id`, `fxRate` → `fx_rate`). None for names that would hide the object's
/// own methods or Python's dunders; those are read by item only.
fn attribute(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous: Option<char> = None;
    for c in name.chars() {
        if c.is_ascii_uppercase()
            && previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
        {
            out.push('_');
        }
        out.extend(c.to_lowercase());
        previous = Some(c);
    }
    let reserved = out.starts_with("__") || matches!(out.as_str(), "to_dict" | "get");
    (!reserved).then_some(out)
}

/// Fills `made` (of `class`) from a Python mapping, converting nested mappings.
fn fill<'py>(
    made: &Made<'py>,
    class: &Class<'py>,
    data: &Bound<'py, PyMapping>,
    depth: usize,
) -> PyResult<()> {
    let py = made.obj.py();
    for item in data.items()?.iter() {
        let (name, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
        let name = name.cast_into::<PyString>().map_err(|e| {
            PyTypeError::new_err(format!("keys must be strings (got {})", e.into_inner()))
        })?;
        let key = key(py, &name.to_cow()?);
        let below = class.below(&name)?;
        let value = convert(&value, below.as_ref(), depth + 1)?;
        made.put(&key, &value)?;
    }
    Ok(())
}

/// A value given to `PayrocObject(...)` as it is held: mappings as objects (of
/// `class`, or `PayrocObject`), lists and tuples as lists, anything else as it is.
fn convert<'py>(
    value: &Bound<'py, PyAny>,
    class: Option<&Class<'py>>,
    depth: usize,
) -> PyResult<Bound<'py, PyAny>> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "nested more than {MAX_DEPTH} deep (does it contain itself?)"
        )));
    }
    let py = value.py();
    if value.is_instance_of::<PayrocObject>()
        || value.is_instance_of::<PyString>()
        || value.is_none()
    {
        return Ok(value.clone());
    }
    if let Ok(mapping) = value.cast::<PyMapping>() {
        let plain;
        let class = match class {
            Some(class) => class,
            None => {
                plain = Class::plain(py);
                &plain
            }
        };
        let made = Made::of(class.make(None)?)?;
        fill(&made, class, mapping, depth)?;
        return Ok(made.obj.into_any());
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = value
            .try_iter()?
            .map(|item| convert(&item?, class, depth + 1))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    Ok(value.clone())
}

/// `value` as plain dicts and lists, the API's keys and values: an object not read
/// yet straight from its JSON, without making its objects.
fn plain<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    if let Ok(obj) = value.cast::<PayrocObject>() {
        let unread = obj.get().unread().clone();
        if let Some(Unread { reply, nest }) = unread {
            return Cursor::at(py, &reply, nest).value(As::Dict);
        }
        // A copy, then the nested values replaced: copying a dict whole is several
        // times faster than filling a new one key by key.
        let json = obj.get().json.bind(py);
        let out = json.copy()?;
        for (k, v) in json.iter() {
            if v.is_instance_of::<PayrocObject>() || v.is_exact_instance_of::<PyList>() {
                out.set_item(k, plain(&v)?)?;
            }
        }
        return Ok(out.into_any());
    }
    if let Ok(list) = value.cast_exact::<PyList>() {
        let items = list
            .iter()
            .map(|v| plain(&v))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    Ok(value.clone())
}

fn write_object(out: &mut String, obj: &Bound<'_, PayrocObject>) -> PyResult<()> {
    read(obj)?;
    let py = obj.py();
    out.push_str(&obj.get_type().name()?.to_cow()?);
    out.push('(');
    for (i, (name, value)) in obj.get().json.bind(py).iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let name = name.cast_into::<PyString>()?;
        let name = name.to_cow()?;
        out.push_str(&attribute(&name).unwrap_or_else(|| name.to_string()));
        out.push('=');
        write_value(out, &name, &value)?;
    }
    out.push(')');
    Ok(())
}

fn write_value(out: &mut String, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let py = value.py();
    if is_secret_field(name) && !value.is_none() {
        let shown = match value.cast::<PyString>() {
            Ok(text) => redact_field(name, &text.to_cow()?),
            Err(_) => REDACTED.to_owned(),
        };
        out.push_str(&PyString::new(py, &shown).repr()?.to_cow()?);
    } else if let Ok(obj) = value.cast::<PayrocObject>() {
        write_object(out, obj)?;
    } else if let Ok(list) = value.cast_exact::<PyList>() {
        out.push('[');
        for (i, item) in list.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_value(out, name, &item)?;
        }
        out.push(']');
    } else {
        out.push_str(&value.repr()?.to_cow()?);
    }
    Ok(())
}

/// A reply as Python objects: a top-level object as an instance of `class` (a
/// subclass of `PayrocObject`), a top-level array as a list of them, every object
/// below as a `PayrocObject` (or the class its parent's `_nested` names), each read
/// when first looked at. The reply is one the core checked: JSON throughout.
pub(crate) fn build<'py>(
    py: Python<'py>,
    reply: Reply,
    class: &Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyAny>> {
    let class = Class::of(class.clone())?;
    let reply = whole(reply)?;
    let value = Cursor::at(py, &reply, 0).value(As::Object(Some(&class)))?;
    read_top(&value)?;
    Ok(value)
}

/// Reads the top level of a reply's object (or of each object of a top-level array)
/// now: whoever made the call looks at it.
fn read_top(value: &Bound<'_, PyAny>) -> PyResult<()> {
    if let Ok(obj) = value.cast::<PayrocObject>() {
        read(obj)?;
    } else if let Ok(list) = value.cast::<PyList>() {
        for item in list.iter() {
            read_top(&item)?;
        }
    }
    Ok(())
}

/// Reads a list page (`{"limit", "count", "hasMore", "links", "data": [...]}`) into
/// its `data` items as instances of `class`.
pub(crate) fn build_page<'py>(
    py: Python<'py>,
    reply: Reply,
    class: &Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyList>> {
    let class = Class::of(class.clone())?;
    let reply = whole(reply)?;
    let mut data = py.None().into_bound(py);
    Cursor::at(py, &reply, 0).members(|page, name| {
        if name.name.to_cow()? == "data" {
            data = page.value(As::Object(Some(&class)))?;
            Ok(())
        } else {
            page.skip()
        }
    })?;
    if data.is_none() {
        return Ok(PyList::empty(py));
    }
    let items = data
        .cast_into::<PyList>()
        .map_err(|_| decode_error("a page's `data` must be a list".to_owned()))?;
    read_top(items.as_any())?;
    Ok(items)
}

fn whole(reply: Reply) -> PyResult<Arc<Reply>> {
    if reply.too_deep {
        return Err(decode_error(format!(
            "the reply nests objects and arrays deeper than {MAX_DEPTH} levels"
        )));
    }
    if reply.whole && !reply.bytes.is_empty() {
        Ok(Arc::new(reply))
    } else {
        Err(malformed())
    }
}

/// Checks that `data` is JSON (the core checks every reply it hands over).
fn checked(data: Vec<u8>) -> PyResult<Reply> {
    serde_json::from_slice::<IgnoredAny>(&data).map_err(|e| decode_error(describe_error(&e)))?;
    Ok(Reply::new(data))
}

/// `_payroc.build(data, cls)`: [`build`] of any JSON, for tests and benchmarks.
#[pyfunction]
#[pyo3(name = "build")]
pub(crate) fn build_py<'py>(
    py: Python<'py>,
    data: Vec<u8>,
    cls: &Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyAny>> {
    crate::guard(|| build(py, checked(data)?, cls))
}

/// `_payroc.build_page(data, cls)`: [`build_page`] of any JSON, for tests and
/// benchmarks.
#[pyfunction]
#[pyo3(name = "build_page")]
pub(crate) fn build_page_py<'py>(
    py: Python<'py>,
    data: Vec<u8>,
    cls: &Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyList>> {
    crate::guard(|| build_page(py, checked(data)?, cls))
}

fn decode_error(message: String) -> PyErr {
    Failure::Core(Error::Decode(Box::new(DecodeError::new(
        200,
        "a JSON reply",
        message,
    ))))
    .into_py()
}

fn malformed() -> PyErr {
    decode_error("the reply is not well-formed JSON".to_owned())
}

/// How a JSON object is read.
#[derive(Clone, Copy)]
enum As<'c, 'py> {
    /// As an object left unread, of the class given (or `PayrocObject`).
    Object(Option<&'c Class<'py>>),
    /// As a dict, read now.
    Dict,
}

/// Where one level of a reply is being read.
struct Cursor<'a, 'py> {
    py: Python<'py>,
    reply: &'a Arc<Reply>,
    plain: Class<'py>,
    /// The byte being read.
    at: usize,
    /// The number of the next nest to open.
    nest: usize,
}

impl<'a, 'py> Cursor<'a, 'py> {
    /// At the start of nest `nest` (or of the reply, if it has none).
    fn at(py: Python<'py>, reply: &'a Arc<Reply>, nest: usize) -> Self {
        Self {
            py,
            reply,
            plain: Class::plain(py),
            at: reply.nests.get(nest).map_or(0, |n| n.open),
            nest,
        }
    }

    /// The next byte that is not white space (not taken).
    fn peek(&mut self) -> PyResult<u8> {
        let bytes = &self.reply.bytes;
        while matches!(bytes.get(self.at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
        bytes.get(self.at).copied().ok_or_else(malformed)
    }

    /// Takes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> PyResult<bool> {
        let next = self.peek()? == byte;
        self.at += usize::from(next);
        Ok(next)
    }

    fn expect(&mut self, byte: u8) -> PyResult<()> {
        if self.eat(byte)? {
            Ok(())
        } else {
            Err(malformed())
        }
    }

    /// The nest that opens here, if one does.
    fn here(&self) -> PyResult<(usize, Nest)> {
        match self.reply.nests.get(self.nest) {
            Some(nest) if nest.open == self.at => Ok((self.nest, *nest)),
            _ => Err(malformed()),
        }
    }

    /// Steps into the nest that opens here.
    fn enter(&mut self) -> PyResult<()> {
        self.here()?;
        self.nest += 1;
        self.at += 1;
        Ok(())
    }

    /// Jumps past the nest that opens here; its number.
    fn jump(&mut self) -> PyResult<usize> {
        let (number, nest) = self.here()?;
        self.at = nest.close;
        self.nest = nest.next;
        Ok(number)
    }

    /// Reads the members of the object that starts here: `each` reads the value
    /// of each key.
    fn members(
        &mut self,
        mut each: impl FnMut(&mut Self, Key<'py>) -> PyResult<()>,
    ) -> PyResult<()> {
        if self.peek()? != b'{' {
            return Err(malformed());
        }
        self.enter()?;
        if self.eat(b'}')? {
            return Ok(());
        }
        loop {
            let key = key(self.py, &self.string()?);
            self.expect(b':')?;
            each(self, key)?;
            if !self.eat(b',')? {
                return self.expect(b'}');
            }
        }
    }

    /// Reads the object that starts here into `made` (of `class`).
    fn fields(&mut self, made: &Made<'py>, class: &Class<'py>) -> PyResult<()> {
        self.members(|cursor, key| {
            let below = class.below(&key.name)?;
            let value = cursor.value(As::Object(below.as_ref()))?;
            made.put(&key, &value)
        })
    }

    /// The value that starts here: an object read `way`, an array as a list of
    /// values, anything else as str, int, float, bool or None.
    fn value(&mut self, way: As<'_, 'py>) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        match (self.peek()?, way) {
            (b'{', As::Object(class)) => {
                let nest = self.jump()?;
                let unread = Unread {
                    reply: self.reply.clone(),
                    nest,
                };
                Ok(class.unwrap_or(&self.plain).make(Some(unread))?.into_any())
            }
            (b'{', As::Dict) => {
                let dict = PyDict::new(py);
                self.members(|cursor, key| dict.set_item(&key.name, cursor.value(As::Dict)?))?;
                Ok(dict.into_any())
            }
            (b'[', _) => {
                self.enter()?;
                let mut items = Vec::new();
                if !self.eat(b']')? {
                    loop {
                        items.push(self.value(way)?);
                        if !self.eat(b',')? {
                            self.expect(b']')?;
                            break;
                        }
                    }
                }
                Ok(PyList::new(py, items)?.into_any())
            }
            (b'"', _) => Ok(PyString::new(py, &self.string()?).into_any()),
            _ => self.scalar(),
        }
    }

    /// Passes over the value that starts here.
    fn skip(&mut self) -> PyResult<()> {
        match self.peek()? {
            b'{' | b'[' => self.jump().map(drop),
            b'"' => self.string().map(drop),
            _ => self.scalar().map(drop),
        }
    }

    /// The string that starts here.
    fn string(&mut self) -> PyResult<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return Err(malformed());
        }
        let bytes: &'a [u8] = &self.reply.bytes;
        let start = self.at;
        let mut end = start + 1;
        let mut escaped = false;
        loop {
            match bytes.get(end) {
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    end += 2;
                }
                Some(_) => end += 1,
                None => return Err(malformed()),
            }
        }
        self.at = end + 1;
        if escaped {
            serde_json::from_slice::<String>(&bytes[start..=end])
                .map(Cow::Owned)
                .map_err(|e| decode_error(describe_error(&e)))
        } else {
            std::str::from_utf8(&bytes[start + 1..end])
                .map(Cow::Borrowed)
                .map_err(|_| malformed())
        }
    }

    /// The number, `true`, `false` or `null` that starts here, as `json.loads`
    /// reads it: whole numbers as int of any size, the rest as float.
    fn scalar(&mut self) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let bytes: &'a [u8] = &self.reply.bytes;
        let start = self.at;
        let end = bytes[start..]
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
            .map_or(bytes.len(), |n| start + n);
        self.at = end;
        let text = std::str::from_utf8(&bytes[start..end]).map_err(|_| malformed())?;
        match text {
            "true" => return Ok(PyBool::new(py, true).to_owned().into_any()),
            "false" => return Ok(PyBool::new(py, false).to_owned().into_any()),
            "null" => return Ok(py.None().into_bound(py)),
            _ => {}
        }
        let digits = text.strip_prefix('-').unwrap_or(text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return match text.parse::<i64>() {
                Ok(number) => number.into_bound_py_any(py),
                // Beyond 64 bits: Python's int reads any size.
                Err(_) => py.get_type::<PyInt>().call1((text,)),
            };
        }
        // Rust reads decimal floats correctly rounded, as Python does.
        match text.parse::<f64>() {
            Ok(number) if digits.starts_with(|c: char| c.is_ascii_digit()) => {
                Ok(PyFloat::new(py, number).into_any())
            }
            _ => Err(malformed()),
        }
    }
}
