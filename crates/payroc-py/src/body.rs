//! Request bodies from Python values, as the JSON the operations read: dicts, lists,
//! tuples and scalars, with snake_case keys written as the API's camelCase. This runs
//! on every value of every request, so it is done here rather than in Python, where
//! walking a full payment body took longer than the whole Rust side of the call, and
//! the JSON is written as the values are visited, with no tree between them.

use payroc_core::model::validate::ValidationError;
use payroc_core::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde::Serialize;
use std::borrow::Cow;

use crate::errors::Failure;
use crate::objects::PayrocObject;

/// `body` (or `{}`), updated with the keyword `fields`, as JSON bytes. With `convert`,
/// snake_case keys become camelCase (the PayTrace API's keys are snake_case already).
#[pyfunction]
#[pyo3(signature = (body, fields=None, convert=true))]
pub(crate) fn request_body<'py>(
    py: Python<'py>,
    body: Option<&Bound<'py, PyAny>>,
    fields: Option<&Bound<'py, PyDict>>,
    convert: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    crate::guard(|| {
        let fields = fields.filter(|f| !f.is_empty());
        let mut walk = Walk::new(convert);
        match (body, fields) {
            (Some(body), None) => walk.value(body),
            (body, Some(fields)) => {
                let body = match body {
                    None => None,
                    Some(body) => match object(body)? {
                        Some(dict) => Some(dict),
                        None => {
                            return Err(invalid(
                                "",
                                "give either a body or keyword fields, not both",
                            ))
                        }
                    },
                };
                walk.merged(body.as_ref(), fields)
            }
            (None, None) => {
                walk.out.extend_from_slice(b"{}");
                Ok(())
            }
        }
        .map_err(Wrong::into_py)?;
        Ok(PyBytes::new(py, &walk.out))
    })
}

/// `body` as a dict when it is an object (a mapping, or a reply object sent back,
/// whose keys are the API's already: kept as they are).
fn object<'py>(body: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyDict>>> {
    if let Ok(dict) = body.cast::<PyDict>() {
        return Ok(Some(dict.clone()));
    }
    if body.is_instance_of::<PayrocObject>() {
        return Ok(Some(body.call_method0("to_dict")?.cast_into::<PyDict>()?));
    }
    if let Ok(mapping) = body.cast::<PyMapping>() {
        let dict = PyDict::new(body.py());
        dict.update(mapping)?;
        return Ok(Some(dict));
    }
    Ok(None)
}

/// Why a value cannot be sent: what is wrong, and where (innermost segment first,
/// the path is only spelled out when something is wrong).
enum Wrong {
    Invalid {
        path: Vec<Segment>,
        message: String,
        code: &'static str,
    },
    Python(PyErr),
}

enum Segment {
    Key(String),
    Index(usize),
}

impl Wrong {
    fn invalid(message: String) -> Self {
        Self::Invalid {
            path: Vec::new(),
            message,
            code: "type",
        }
    }

    fn code(mut self, new: &'static str) -> Self {
        if let Self::Invalid { code, .. } = &mut self {
            *code = new;
        }
        self
    }

    fn at(mut self, segment: Segment) -> Self {
        if let Self::Invalid { path, .. } = &mut self {
            path.push(segment);
        }
        self
    }

    fn into_py(self) -> PyErr {
        match self {
            Self::Python(err) => err,
            Self::Invalid {
                path,
                message,
                code,
            } => {
                let mut spelled = String::new();
                for segment in path.iter().rev() {
                    match segment {
                        Segment::Key(key) if spelled.is_empty() => spelled.push_str(key),
                        Segment::Key(key) => {
                            spelled.push('.');
                            spelled.push_str(key);
                        }
                        Segment::Index(i) => spelled.push_str(&format!("[{i}]")),
                    }
                }
                invalid_code(&spelled, &message, code)
            }
        }
    }
}

impl From<PyErr> for Wrong {
    fn from(err: PyErr) -> Self {
        Self::Python(err)
    }
}

/// A `ValidationError` at `path`: the request was not sent.
fn invalid(path: &str, message: &str) -> PyErr {
    invalid_code(path, message, "type")
}

fn invalid_code(path: &str, message: &str, code: &'static str) -> PyErr {
    Failure::Core(Error::Validation(ValidationError::single(
        path, message, code,
    )))
    .into_py()
}

/// `processing_terminal_id` → `processingTerminalId`; a key without `_` stays as it is.
fn camel(key: &str) -> String {
    let mut parts = key.split('_');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// How deep containers may nest, as in serde_json's reader: a deeper value (or one
/// that contains itself) is refused before the walk could exhaust the stack.
pub(crate) const MAX_DEPTH: usize = 128;

fn finite(value: f64) -> Result<f64, Wrong> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Wrong::invalid(format!(
            "{value} is not a number JSON can carry"
        )))
    }
}

/// A whole number that fits in 64 bits, signed or not.
enum Whole {
    Signed(i64),
    Unsigned(u64),
}

fn integer(value: &Bound<'_, PyAny>) -> Result<Whole, Wrong> {
    if let Ok(n) = value.extract::<i64>() {
        return Ok(Whole::Signed(n));
    }
    value
        .extract::<u64>()
        .map(Whole::Unsigned)
        .map_err(|_| Wrong::invalid("is a whole number that does not fit in 64 bits".to_owned()))
}

/// What a `Decimal` is sent as.
enum Exact {
    Whole(Whole),
    Float(f64),
}

/// A `Decimal` without a detour through float: an integral one as the exact integer
/// (an amount in minor units), a fractional one only when a JSON number spells
/// exactly the same value (`24.95`), anything else refused rather than rounded.
fn decimal_number(value: &Bound<'_, PyAny>) -> Result<Exact, Wrong> {
    if !value.call_method0("is_finite")?.is_truthy()? {
        return Err(Wrong::invalid(format!(
            "{value} is not a number JSON can carry"
        )));
    }
    if value.eq(value.call_method0("to_integral_value")?)? {
        let int = value.py().get_type::<PyInt>().call1((value,))?;
        return integer(&int).map(Exact::Whole);
    }
    let float = value.extract::<f64>()?;
    let spelled = decimal(value.py())?.call1((float.to_string(),))?;
    if float.is_finite() && spelled.eq(value)? {
        return Ok(Exact::Float(float));
    }
    Err(Wrong::invalid(format!(
        "{value} cannot be sent exactly as a JSON number (amounts are integers in minor units)"
    )))
}

/// One walk over a request value, writing its JSON: the key convention, and the
/// containers being visited (to refuse a value that contains itself, and to bound
/// the depth).
struct Walk {
    out: Vec<u8>,
    convert: bool,
    open: Vec<usize>,
}

impl Walk {
    fn new(convert: bool) -> Self {
        Self {
            out: Vec::with_capacity(1024),
            convert,
            open: Vec::new(),
        }
    }

    /// Writes a scalar (a str, number or bool) as serde_json writes it.
    fn scalar<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Wrong> {
        serde_json::to_writer(&mut self.out, value).map_err(|e| Wrong::invalid(e.to_string()))
    }

    fn whole(&mut self, whole: Whole) -> Result<(), Wrong> {
        match whole {
            Whole::Signed(n) => self.scalar(&n),
            Whole::Unsigned(n) => self.scalar(&n),
        }
    }

    /// Runs `f` on container `value`, one level deeper.
    fn enter<T>(
        &mut self,
        value: &Bound<'_, PyAny>,
        f: impl FnOnce(&mut Self) -> Result<T, Wrong>,
    ) -> Result<T, Wrong> {
        let id = value.as_ptr() as usize;
        if self.open.contains(&id) {
            return Err(Wrong::invalid(
                "contains itself (a circular reference) and cannot be sent".into(),
            ));
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(Wrong::invalid(format!(
                "nested deeper than {MAX_DEPTH} levels and cannot be sent"
            )));
        }
        self.open.push(id);
        let out = f(self);
        self.open.pop();
        out
    }

    fn items<'py>(&mut self, values: impl Iterator<Item = Bound<'py, PyAny>>) -> Result<(), Wrong> {
        self.out.push(b'[');
        for (i, item) in values.enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.value(&item).map_err(|e| e.at(Segment::Index(i)))?;
        }
        self.out.push(b']');
        Ok(())
    }

    /// The API's name for key `key` of `dict`, and whether it was converted (from
    /// snake_case).
    fn name<'k>(&self, key: &'k Bound<'_, PyAny>) -> Result<(Cow<'k, str>, bool), Wrong> {
        let Ok(key) = key.cast::<PyString>() else {
            return Err(Wrong::invalid(format!(
                "keys must be strings (got {})",
                key.repr()?
            )));
        };
        let key = key.to_cow()?;
        Ok(if self.convert && key.contains('_') {
            (Cow::Owned(camel(&key)), true)
        } else {
            (key, false)
        })
    }

    /// Writes the members of `dict` (each name once), less those named in `skip`;
    /// `first` until one is written.
    fn members(
        &mut self,
        dict: &Bound<'_, PyDict>,
        first: &mut bool,
        skip: &[String],
    ) -> Result<(), Wrong> {
        // The names made from snake_case keys: two keys can spell one name only then.
        let mut converted: Vec<String> = Vec::new();
        for (key, item) in dict.iter() {
            let (name, made) = self.name(&key)?;
            if !skip.is_empty() && skip.iter().any(|s| *s == name) {
                continue;
            }
            if made {
                if converted.iter().any(|c| *c == name) || dict.contains(name.as_ref())? {
                    let name = name.into_owned();
                    return Err(twice(dict, &name, self.convert).at(Segment::Key(name)));
                }
                converted.push(name.clone().into_owned());
            }
            if !std::mem::replace(first, false) {
                self.out.push(b',');
            }
            self.scalar(name.as_ref())?;
            self.out.push(b':');
            if let Err(wrong) = self.value(&item) {
                return Err(wrong.at(Segment::Key(name.into_owned())));
            }
        }
        Ok(())
    }

    fn object(&mut self, dict: &Bound<'_, PyDict>) -> Result<(), Wrong> {
        self.out.push(b'{');
        self.members(dict, &mut true, &[])?;
        self.out.push(b'}');
        Ok(())
    }

    /// `body` updated with `fields`: a member of `body` that `fields` names again is
    /// replaced.
    fn merged(
        &mut self,
        body: Option<&Bound<'_, PyDict>>,
        fields: &Bound<'_, PyDict>,
    ) -> Result<(), Wrong> {
        let replaced = fields
            .keys()
            .iter()
            .map(|key| self.name(&key).map(|(name, _)| name.into_owned()))
            .collect::<Result<Vec<_>, _>>()?;
        let mut first = true;
        self.out.push(b'{');
        if let Some(body) = body {
            self.enter(body.as_any(), |w| w.members(body, &mut first, &replaced))?;
        }
        self.enter(fields.as_any(), |w| w.members(fields, &mut first, &[]))?;
        self.out.push(b'}');
        Ok(())
    }

    /// A Python value as JSON. Exact built-in types are tested first: this runs for
    /// every value, and the abstract checks after them cost several times as much.
    fn value(&mut self, value: &Bound<'_, PyAny>) -> Result<(), Wrong> {
        if let Ok(s) = value.cast_exact::<PyString>() {
            return self.scalar(s.to_cow()?.as_ref());
        }
        if let Ok(b) = value.cast_exact::<PyBool>() {
            return self.scalar(&b.is_true());
        }
        if value.is_exact_instance_of::<PyInt>() {
            return self.whole(integer(value)?);
        }
        if let Ok(f) = value.cast_exact::<PyFloat>() {
            return self.scalar(&finite(f.value())?);
        }
        if value.is_none() {
            self.out.extend_from_slice(b"null");
            return Ok(());
        }
        if let Ok(dict) = value.cast_exact::<PyDict>() {
            return self.enter(value, |w| w.object(dict));
        }
        if let Ok(list) = value.cast_exact::<PyList>() {
            return self.enter(value, |w| w.items(list.iter()));
        }
        let py = value.py();
        if value.is_instance_of::<PayrocObject>() {
            // A response object sent back: its JSON is the API's already.
            let dict = value.call_method0("to_dict")?;
            let convert = std::mem::replace(&mut self.convert, false);
            let out = self.enter(value, |w| w.value(&dict));
            self.convert = convert;
            return out;
        }
        if let Ok(mapping) = value.cast::<PyMapping>() {
            let dict = PyDict::new(py);
            dict.update(mapping)?;
            return self.enter(value, |w| w.object(&dict));
        }
        if let Ok(list) = value.cast::<PyList>() {
            return self.enter(value, |w| w.items(list.iter()));
        }
        if let Ok(tuple) = value.cast::<PyTuple>() {
            return self.enter(value, |w| w.items(tuple.iter()));
        }
        // Subclasses of the scalars, such as str- and int-valued enums.
        if let Ok(s) = value.cast::<PyString>() {
            return self.scalar(s.to_cow()?.as_ref());
        }
        if value.is_instance_of::<PyInt>() {
            return self.whole(integer(value)?);
        }
        if value.is_instance(decimal(py)?)? {
            return match decimal_number(value)? {
                Exact::Whole(whole) => self.whole(whole),
                Exact::Float(float) => self.scalar(&float),
            };
        }
        if value.is_instance_of::<PyFloat>() {
            return self.scalar(&finite(value.extract::<f64>()?)?);
        }
        // A `date` (a report's `date` filter) as the API writes dates, `YYYY-MM-DD`; a
        // `datetime` is a `date` too, and its ISO form is refused where a date is due.
        if value.is_instance(date(py)?)? {
            let text: String = value.call_method0("isoformat")?.extract()?;
            return self.scalar(&text);
        }
        Err(Wrong::invalid(format!(
            "a {} cannot be sent; use str, int, float, bool, date, list or dict",
            value.get_type().name()?
        )))
    }
}

/// The error for two keys of `dict` that both spell field `name`.
fn twice(dict: &Bound<'_, PyDict>, name: &str, convert: bool) -> Wrong {
    let spellings: Vec<String> = dict
        .keys()
        .iter()
        .filter_map(|k| k.extract::<String>().ok())
        .filter(|k| {
            if convert && k.contains('_') {
                camel(k) == name
            } else {
                k == name
            }
        })
        .map(|k| format!("`{k}`"))
        .collect();
    Wrong::invalid(format!(
        "given twice, as {}; keep one",
        spellings.join(" and ")
    ))
    .code("duplicate")
}

fn decimal(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    static CLASS: PyOnceLock<Py<pyo3::types::PyType>> = PyOnceLock::new();
    CLASS.import(py, "decimal", "Decimal")
}

fn date(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    static CLASS: PyOnceLock<Py<pyo3::types::PyType>> = PyOnceLock::new();
    CLASS.import(py, "datetime", "date")
}
