//! Request bodies from Python values, as the JSON the operations read: dicts, lists,
//! tuples and scalars, with snake_case keys written as the API's camelCase. This runs
//! on every value of every request, so it is done here rather than in Python, where
//! walking a full payment body took longer than the whole Rust side of the call.

use payroc_core::model::validate::ValidationError;
use payroc_core::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Number, Value};

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
        let mut data = match body {
            Some(body) => Walk::new(convert).plain(body).map_err(Wrong::into_py)?,
            None => Value::Object(Map::new()),
        };
        if let Some(fields) = fields.filter(|f| !f.is_empty()) {
            let Value::Object(data) = &mut data else {
                return Err(invalid(
                    "",
                    "give either a body or keyword fields, not both",
                ));
            };
            if let Value::Object(fields) = Walk::new(convert)
                .plain(fields.as_any())
                .map_err(Wrong::into_py)?
            {
                data.extend(fields);
            }
        }
        let json = serde_json::to_vec(&data).map_err(|e| invalid("", &e.to_string()))?;
        Ok(PyBytes::new(py, &json))
    })
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

fn number(value: f64) -> Result<Value, Wrong> {
    Number::from_f64(value)
        .map(Value::Number)
        .ok_or_else(|| Wrong::invalid(format!("{value} is not a number JSON can carry")))
}

fn integer(value: &Bound<'_, PyAny>) -> Result<Value, Wrong> {
    if let Ok(n) = value.extract::<i64>() {
        return Ok(Value::from(n));
    }
    value
        .extract::<u64>()
        .map(Value::from)
        .map_err(|_| Wrong::invalid("is a whole number that does not fit in 64 bits".to_owned()))
}

/// A `Decimal` without a detour through float: an integral one as the exact integer
/// (an amount in minor units), a fractional one only when a JSON number spells
/// exactly the same value (`24.95`), anything else refused rather than rounded.
fn decimal_number(value: &Bound<'_, PyAny>) -> Result<Value, Wrong> {
    if !value.call_method0("is_finite")?.is_truthy()? {
        return Err(Wrong::invalid(format!(
            "{value} is not a number JSON can carry"
        )));
    }
    if value.eq(value.call_method0("to_integral_value")?)? {
        let int = value.py().get_type::<PyInt>().call1((value,))?;
        return integer(&int);
    }
    let float = value.extract::<f64>()?;
    let spelled = decimal(value.py())?.call1((float.to_string(),))?;
    if float.is_finite() && spelled.eq(value)? {
        return number(float);
    }
    Err(Wrong::invalid(format!(
        "{value} cannot be sent exactly as a JSON number (amounts are integers in minor units)"
    )))
}

/// One walk over a request value: the key convention, and the containers being
/// visited (to refuse a value that contains itself, and to bound the depth).
struct Walk {
    convert: bool,
    open: Vec<usize>,
}

impl Walk {
    fn new(convert: bool) -> Self {
        Self {
            convert,
            open: Vec::new(),
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

    fn items<'py>(
        &mut self,
        values: impl Iterator<Item = Bound<'py, PyAny>>,
    ) -> Result<Value, Wrong> {
        let mut out = Vec::new();
        for (i, item) in values.enumerate() {
            out.push(self.plain(&item).map_err(|e| e.at(Segment::Index(i)))?);
        }
        Ok(Value::Array(out))
    }

    fn object(&mut self, dict: &Bound<'_, PyDict>) -> Result<Value, Wrong> {
        let mut out = Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(Wrong::invalid(format!(
                    "keys must be strings (got {})",
                    key.repr()?
                )));
            };
            let key = key.to_cow()?;
            let name = if self.convert && key.contains('_') {
                camel(&key)
            } else {
                key.clone().into_owned()
            };
            if out.contains_key(&name) {
                return Err(twice(dict, &name, self.convert).at(Segment::Key(name)));
            }
            let value = match self.plain(&item) {
                Ok(value) => value,
                Err(wrong) => return Err(wrong.at(Segment::Key(name))),
            };
            out.insert(name, value);
        }
        Ok(Value::Object(out))
    }

    /// A Python value as JSON. Exact built-in types are tested first: this runs for
    /// every value, and the abstract checks after them cost several times as much.
    fn plain(&mut self, value: &Bound<'_, PyAny>) -> Result<Value, Wrong> {
        if let Ok(s) = value.cast_exact::<PyString>() {
            return Ok(Value::String(s.to_cow()?.into_owned()));
        }
        if let Ok(b) = value.cast_exact::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if value.is_exact_instance_of::<PyInt>() {
            return integer(value);
        }
        if let Ok(f) = value.cast_exact::<PyFloat>() {
            return number(f.value());
        }
        if value.is_none() {
            return Ok(Value::Null);
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
            let out = self.enter(value, |w| w.plain(&dict));
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
            return Ok(Value::String(s.to_cow()?.into_owned()));
        }
        if value.is_instance_of::<PyInt>() {
            return integer(value);
        }
        if value.is_instance(decimal(py)?)? {
            return decimal_number(value);
        }
        if value.is_instance_of::<PyFloat>() {
            return number(value.extract::<f64>()?);
        }
        // A `date` (a report's `date` filter) as the API writes dates, `YYYY-MM-DD`; a
        // `datetime` is a `date` too, and its ISO form is refused where a date is due.
        if value.is_instance(date(py)?)? {
            return Ok(Value::String(value.call_method0("isoformat")?.extract()?));
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
