//! Everything the operation table (`payroc_core::operations::OPERATIONS`) generates,
//! rendered here and compared with what is checked in: the Rust resource methods and
//! JSON dispatch of payroc-core, the operation list of `payroc_call`'s documentation
//! (and so of `payroc.h`), the Python resources and the README's table. Any
//! difference fails; `scripts/regen.sh` (or `PAYROC_REGEN=1` with this test) rewrites
//! them.

use payroc_core::operations::{find, Api, Operation, OPERATIONS};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `payment_links` → `PaymentLinks`.
fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
}

/// `paymentLinkId` → `payment_link_id`.
fn snake(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A model type of the table as Rust code: `payment::Payment` → `payroc_model::payment::Payment`.
fn model(ty: &str) -> String {
    format!("payroc_model::{ty}")
}

/// The Rust type of `op`'s reply: the response type, or a `Vec` of it for a plain array.
fn rust_reply(op: &Operation) -> Option<String> {
    op.response.map(|r| {
        if op.array {
            format!("Vec<{}>", model(r))
        } else {
            model(r)
        }
    })
}

/// The type a Rust method takes its body as (a slice for a list of patches).
fn model_arg(ty: &str) -> String {
    match ty {
        "common::PatchRequest" => "[payroc_model::common::PatchDocument]".to_owned(),
        _ => model(ty),
    }
}

/// Whether the body is a JSON Patch document (an array, not an object).
fn is_patch(op: &Operation) -> bool {
    op.request
        .is_some_and(|r| r.ends_with("Patch") || r.ends_with("PatchRequest"))
}

/// Resources in table order, each with its operations.
fn resources(api: Api) -> Vec<(&'static str, Vec<(usize, &'static Operation)>)> {
    let mut out: Vec<(&str, Vec<(usize, &Operation)>)> = Vec::new();
    for (i, op) in OPERATIONS.iter().enumerate() {
        if op.api != api {
            continue;
        }
        match out.iter_mut().find(|(r, _)| *r == op.resource()) {
            Some((_, ops)) => ops.push((i, op)),
            None => out.push((op.resource(), vec![(i, op)])),
        }
    }
    out
}

fn doc_lines(out: &mut String, indent: &str, op: &Operation) {
    writeln!(out, "{indent}/// {}", op.summary).unwrap();
    if let Some(method) = op.method {
        writeln!(out, "{indent}///").unwrap();
        let official = if op.official_python.is_empty() {
            String::new()
        } else {
            format!(" (official SDKs: `{}`)", op.official_python)
        };
        writeln!(
            out,
            "{indent}/// `{} {}`{official}.",
            method.as_str(),
            op.path
        )
        .unwrap();
    }
}

/// The Rust parameters of `op` (ids, then body or query) and the arguments passed on.
fn rust_params(op: &Operation) -> (String, String) {
    let mut params = String::new();
    let mut ids = Vec::new();
    for p in op.path_params() {
        let name = snake(p);
        let ty = if op.integer_ids() { "i64" } else { "&str" };
        write!(params, ", {name}: {ty}").unwrap();
        ids.push(name);
    }
    if let Some(q) = op.query {
        write!(params, ", query: &{}", model(q)).unwrap();
    } else if let Some(r) = op.request {
        write!(params, ", request: &{}", model_arg(r)).unwrap();
    }
    (params, format!("&[{}]", ids.join(", ")))
}

fn render_rust() -> String {
    let mut out = String::new();
    out.push_str(
        "// Generated from the operation table (table.rs) by tests/tests/generated.rs:\n\
         // run scripts/regen.sh after changing the table; do not edit.\n\n\
         use super::{JsonCall, JsonPager, JsonReply, NoBody, Operation, OPERATIONS};\n\
         use crate::blocking::{BlockingClient, BlockingPager, BlockingPaytraceClient};\n\
         use crate::client::{Client, RequestOptions};\n\
         use crate::error::Result;\n\
         use crate::pager::Pager;\n\
         use crate::paytrace::PaytraceClient;\n\n",
    );
    for api in [Api::Payroc, Api::Paytrace] {
        let (client, blocking) = match api {
            Api::Payroc => ("Client", "BlockingClient"),
            Api::Paytrace => ("PaytraceClient", "BlockingPaytraceClient"),
        };
        for (resource, ops) in resources(api) {
            let rest: Vec<_> = ops.iter().filter(|(_, op)| !op.is_helper()).collect();
            if rest.is_empty() {
                continue;
            }
            let ty = pascal(resource);
            writeln!(
                out,
                "/// The `{resource}` operations of a [`{client}`]; per-call options with\n\
                 /// [`options`]({ty}::options).\n\
                 #[derive(Debug)]\n\
                 pub struct {ty}<'a> {{\n    pub(crate) client: &'a {client},\n    pub(crate) options: RequestOptions,\n}}\n\n\
                 impl {client} {{\n    /// The `{resource}` operations.\n    pub fn {resource}(&self) -> {ty}<'_> {{\n        {ty} {{\n            client: self,\n            options: RequestOptions::default(),\n        }}\n    }}\n}}\n\n\
                 impl {ty}<'_> {{\n    /// Uses these options (your idempotency key, a timeout) for calls made\n    /// through this handle.\n    #[must_use]\n    pub fn options(mut self, options: RequestOptions) -> Self {{\n        self.options = options;\n        self\n    }}"
            )
            .unwrap();
            for (i, op) in &rest {
                let (params, ids) = rust_params(op);
                let name = op.method_name();
                out.push('\n');
                doc_lines(&mut out, "    ", op);
                let op_ref = format!("&OPERATIONS[{i}]");
                if op.pages {
                    let item = model(op.response.unwrap());
                    writeln!(
                        out,
                        "    pub fn {name}(&self{params}) -> Result<Pager<{item}>> {{\n        self.client.list({op_ref}, {ids}, query)\n    }}"
                    )
                    .unwrap();
                    continue;
                }
                let body = if op.request.is_some() {
                    "Some(request)".to_owned()
                } else {
                    "None".to_owned()
                };
                let no_body = if op.request.is_some() { "_" } else { "NoBody" };
                if op.multipart {
                    let resp = rust_reply(op).unwrap();
                    writeln!(
                        out,
                        "    pub async fn {name}(&self{params}) -> Result<{resp}> {{\n        self.client\n            .upload({op_ref}, {ids}, request, &self.options)\n            .await\n    }}"
                    )
                    .unwrap();
                    continue;
                }
                if op.query.is_some() {
                    let resp = rust_reply(op).unwrap();
                    writeln!(
                        out,
                        "    pub async fn {name}(&self{params}) -> Result<{resp}> {{\n        self.client\n            .invoke_query({op_ref}, {ids}, query, &self.options)\n            .await\n    }}"
                    )
                    .unwrap();
                    continue;
                }
                match (rust_reply(op), api) {
                    (None, _) => writeln!(
                        out,
                        "    pub async fn {name}(&self{params}) -> Result<()> {{\n        self.client\n            .invoke_empty::<{no_body}>({op_ref}, {ids}, {body}, &self.options)\n            .await\n    }}"
                    ),
                    (Some(resp), Api::Payroc) => writeln!(
                        out,
                        "    pub async fn {name}(&self{params}) -> Result<{resp}> {{\n        self.client\n            .invoke::<{no_body}, _>({op_ref}, {ids}, &[], {body}, &self.options)\n            .await\n    }}"
                    ),
                    (Some(resp), Api::Paytrace) => writeln!(
                        out,
                        "    pub async fn {name}(&self{params}) -> Result<{resp}> {{\n        self.client\n            .invoke::<{no_body}, _>({op_ref}, {ids}, {body}, &self.options)\n            .await\n    }}"
                    ),
                }
                .unwrap();
            }
            out.push_str("}\n\n");

            // The blocking twin.
            writeln!(
                out,
                "/// The `{resource}` operations of a [`{blocking}`]; per-call options with\n\
                 /// [`options`](Blocking{ty}::options).\n\
                 #[derive(Debug)]\n\
                 pub struct Blocking{ty}<'a> {{\n    pub(crate) client: &'a {blocking},\n    pub(crate) options: RequestOptions,\n}}\n\n\
                 impl {blocking} {{\n    /// The `{resource}` operations.\n    pub fn {resource}(&self) -> Blocking{ty}<'_> {{\n        Blocking{ty} {{\n            client: self,\n            options: RequestOptions::default(),\n        }}\n    }}\n}}\n\n\
                 impl Blocking{ty}<'_> {{\n    /// Uses these options (your idempotency key, a timeout) for calls made\n    /// through this handle.\n    #[must_use]\n    pub fn options(mut self, options: RequestOptions) -> Self {{\n        self.options = options;\n        self\n    }}\n\n    pub(crate) fn handle(&self) -> {ty}<'_> {{\n        self.client.client().{resource}().options(self.options.clone())\n    }}"
            )
            .unwrap();
            for (_, op) in &rest {
                let (params, _) = rust_params(op);
                let name = op.method_name();
                let args: Vec<String> = op
                    .path_params()
                    .map(snake)
                    .chain(op.query.map(|_| "query".to_owned()))
                    .chain(
                        op.request
                            .filter(|_| op.query.is_none())
                            .map(|_| "request".to_owned()),
                    )
                    .collect();
                let args = args.join(", ");
                out.push('\n');
                doc_lines(&mut out, "    ", op);
                if op.pages {
                    let item = model(op.response.unwrap());
                    writeln!(
                        out,
                        "    pub fn {name}(&self{params}) -> Result<BlockingPager<{item}>> {{\n        Ok(BlockingPager::new(\n            self.handle().{name}({args})?,\n            self.client.runtime().clone(),\n        ))\n    }}"
                    )
                    .unwrap();
                    continue;
                }
                let ret = rust_reply(op).unwrap_or_else(|| "()".to_owned());
                writeln!(
                    out,
                    "    pub fn {name}(&self{params}) -> Result<{ret}> {{\n        self.client.runtime().block_on(self.handle().{name}({args}))\n    }}"
                )
                .unwrap();
            }
            out.push_str("}\n\n");
        }
    }

    // The JSON dispatch of the bindings.
    for api in [Api::Payroc, Api::Paytrace] {
        let (fn_name, client) = match api {
            Api::Payroc => ("dispatch", "Client"),
            Api::Paytrace => ("dispatch_paytrace", "PaytraceClient"),
        };
        writeln!(
            out,
            "/// Runs `op` (not a list) with JSON arguments. A helper's future is boxed: it\n\
             /// runs several requests and is several times the size of one request's, which\n\
             /// every call would otherwise carry (and move) with it.\n\
             pub(crate) async fn {fn_name}(\n    client: &{client},\n    op: &'static Operation,\n    call: &JsonCall<'_>,\n) -> Result<JsonReply> {{\n    match op.name {{"
        )
        .unwrap();
        for op in OPERATIONS.iter().filter(|op| op.api == api && !op.pages) {
            if op.is_helper() {
                writeln!(
                    out,
                    "        \"{}\" => Box::pin(super::helpers::{}(client, call)).await,",
                    op.name,
                    op.name.replace('.', "_")
                )
                .unwrap();
                continue;
            }
            let resp = rust_reply(op).unwrap_or_else(|| "NoBody".to_owned());
            if let Some(query) = op.query {
                writeln!(
                    out,
                    "        \"{}\" => {{\n            client\n                .query_json::<{}, {resp}>(op, call)\n                .await\n        }}",
                    op.name,
                    model(query)
                )
                .unwrap();
                continue;
            }
            let body = op.request.map_or("NoBody".to_owned(), model);
            let run = if op.multipart {
                "upload_json"
            } else {
                "rest_json"
            };
            writeln!(
                out,
                "        \"{}\" => {{\n            client\n                .{run}::<{body}, {resp}>(op, call)\n                .await\n        }}",
                op.name
            )
            .unwrap();
        }
        out.push_str(
            "        _ => Err(super::unknown(op.name, \"is a list: page it\")),\n    }\n}\n\n",
        );
    }
    out.push_str(
        "/// A pager over the list `op` with JSON arguments.\n\
         pub(crate) fn pager(\n    client: &Client,\n    op: &'static Operation,\n    call: &JsonCall<'_>,\n) -> Result<JsonPager> {\n    match op.name {\n",
    );
    for op in OPERATIONS.iter().filter(|op| op.pages) {
        writeln!(
            out,
            "        \"{}\" => client.pager_json::<{}, {}>(op, call),",
            op.name,
            model(op.query.unwrap()),
            model(op.response.unwrap())
        )
        .unwrap();
    }
    out.push_str("        _ => Err(super::unknown(op.name, \"is not a list\")),\n    }\n}\n");
    let mut by_name: Vec<usize> = (0..OPERATIONS.len()).collect();
    by_name.sort_by_key(|&i| OPERATIONS[i].name);
    let by_name: Vec<String> = by_name.iter().map(usize::to_string).collect();
    writeln!(
        out,
        "\n/// The table's positions in the order of the operations' names: every binding call\n\
         /// finds its operation by name, in a few comparisons.\n\
         pub(crate) static BY_NAME: [u16; {}] = [{}];",
        by_name.len(),
        by_name.join(", ")
    )
    .unwrap();
    out
}

/// `payroc_call`'s list of operations, as doc-comment lines.
fn render_c_doc() -> String {
    let mut out = String::new();
    for api in [Api::Payroc, Api::Paytrace] {
        let title = match api {
            Api::Payroc => "Operations of `payroc_call`",
            Api::Paytrace => "Operations of `payroc_paytrace_call`",
        };
        writeln!(out, "/// {title} (params → body → response):").unwrap();
        for op in OPERATIONS.iter().filter(|op| op.api == api) {
            let mut params: Vec<String> = op.path_params().map(str::to_owned).collect();
            if op.query.is_some() {
                params.push("query".into());
            }
            match op.name {
                "payment_instructions.wait" => {
                    params.push("paymentInstructionId, deadlineMs, cancelOnDeadline".into())
                }
                "signature_instructions.wait" => {
                    params.push("signatureInstructionId, deadlineMs, cancelOnDeadline".into())
                }
                "refund_instructions.wait" => {
                    params.push("refundInstructionId, deadlineMs, cancelOnDeadline".into())
                }
                "payment_instructions.run_sale" | "refund_instructions.run_refund" => {
                    params.push("serialNumber, deadlineMs".into())
                }
                "payroc_cloud.follow" => params.push("href".into()),
                "repeat_payments.start" => params.push("processingModel".into()),
                _ => {}
            }
            let body = match (op.request, op.name) {
                (Some(r), _) => r.rsplit("::").next().unwrap().to_owned(),
                (None, "payment_instructions.run_sale") => "PaymentInstructionRequest".into(),
                (None, "refund_instructions.run_refund") => "RefundInstructionRequest".into(),
                (None, "repeat_payments.start") => "PaymentRequest".into(),
                (None, "repeat_payments.charge") => "{series, order, customFields}".into(),
                (None, _) => "-".into(),
            };
            let body = if is_patch(op) {
                "`[PatchDocument]`".to_owned()
            } else if op.multipart {
                format!("{body} + a file (`payroc_upload`)")
            } else {
                body
            };
            let returns = if op.pages {
                format!("page of {}", op.returns.unwrap_or("-"))
            } else if op.array {
                format!("array of {}", op.returns.unwrap_or("-"))
            } else {
                op.returns.unwrap_or("null").to_owned()
            };
            let key = if op.idempotency_key {
                ", idempotency key"
            } else {
                ""
            };
            writeln!(
                out,
                "/// - `{}` ({}) → {body} → {returns}{key}",
                op.name,
                params.join(", ")
            )
            .unwrap();
        }
        out.push_str("///\n");
    }
    out
}

fn render_python() -> String {
    let mut out = String::from(
        "# mypy: no-warn-return-any\n\
         \"\"\"The resources, generated from payroc-core's operation table by\n\
         tests/tests/generated.rs (run scripts/regen.sh after changing the table; do not\n\
         edit). Each method is one operation; its name is the operation's.\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from . import _objects as o\n\
         from ._base import _body, _Resource\n\
         from ._helpers import (\n",
    );
    let mut helpers = Vec::new();
    for api in [Api::Payroc, Api::Paytrace] {
        for (resource, ops) in resources(api) {
            if ops.iter().any(|(_, op)| op.is_helper()) {
                helpers.push(format!("_{}Helpers", pascal(resource)));
            }
        }
    }
    for h in &helpers {
        writeln!(out, "    {h},").unwrap();
    }
    out.push_str(
        ")\n\n\
         # typing is for type checkers only (which read any `TYPE_CHECKING` as true): it\n\
         # takes longer to import than this package.\n\
         TYPE_CHECKING = False\n\
         if TYPE_CHECKING:\n\
         \x20   from typing import Any, List, Mapping, Optional, Sequence\n\n\
         \x20   from ._base import Pager\n",
    );
    for api in [Api::Payroc, Api::Paytrace] {
        let convert = api == Api::Payroc;
        for (resource, ops) in resources(api) {
            let ty = pascal(resource);
            let has_helpers = ops.iter().any(|(_, op)| op.is_helper());
            let bases = if has_helpers {
                format!("_{ty}Helpers, _Resource")
            } else {
                "_Resource".to_owned()
            };
            writeln!(
                out,
                "\n\nclass {ty}({bases}):\n    \"\"\"The `{resource}` operations.\"\"\""
            )
            .unwrap();
            for (_, op) in ops.iter().filter(|(_, op)| !op.is_helper()) {
                let name = op.method_name();
                let returns = op.returns.map_or("None".to_owned(), |r| format!("o.{r}"));
                let id_ty = if op.integer_ids() { "int" } else { "str" };
                let mut params = vec!["self".to_owned()];
                let mut args = Vec::new();
                for p in op.path_params() {
                    params.push(format!("{}: {id_ty}", snake(p)));
                    args.push(format!("\"{p}\": {}", snake(p)));
                }
                let is_patch = is_patch(op);
                if op.multipart {
                    params.push("file: Any".into());
                }
                if is_patch {
                    params.push("patch: Sequence[Mapping[str, Any]]".into());
                } else if op.request.is_some() {
                    params.push("body: Optional[Mapping[str, Any]] = None".into());
                }
                params.push("*".into());
                if op.multipart {
                    params.push("file_name: Optional[str] = None".into());
                    params.push("content_type: Optional[str] = None".into());
                }
                if op.idempotency_key {
                    params.push("idempotency_key: Optional[str] = None".into());
                }
                params.push("timeout: Optional[float] = None".into());
                if op.query.is_some() {
                    params.push("**filters: Any".into());
                } else if op.request.is_some() && !is_patch {
                    params.push("**fields: Any".into());
                }
                let args = format!("{{{}}}", args.join(", "));
                let ret = if op.pages {
                    format!("Pager[{returns}]")
                } else if op.array {
                    format!("List[{returns}]")
                } else {
                    returns.clone()
                };
                let body = if is_patch {
                    format!(
                        "_body(list(patch), {{}}, {})",
                        if convert { "True" } else { "False" }
                    )
                } else if op.request.is_some() {
                    format!(
                        "_body(body, fields, {})",
                        if convert { "True" } else { "False" }
                    )
                } else {
                    "None".to_owned()
                };
                let key = if op.idempotency_key {
                    "idempotency_key"
                } else {
                    "None"
                };
                let cls = op.returns.map_or("None".to_owned(), |r| format!("o.{r}"));
                writeln!(
                    out,
                    "\n    def {name}({}) -> {ret}:\n        \"\"\"{}\"\"\"",
                    params.join(", "),
                    op.summary.replace('`', "``")
                )
                .unwrap();
                if op.pages {
                    writeln!(
                        out,
                        "        return self._list(\"{}\", {args}, filters, {cls}, timeout)",
                        op.name
                    )
                    .unwrap();
                } else if op.multipart {
                    writeln!(
                        out,
                        "        return self._upload(\"{}\", {args}, {body}, (file, file_name, content_type), {cls}, {key}, timeout)",
                        op.name
                    )
                    .unwrap();
                } else if op.query.is_some() {
                    writeln!(
                        out,
                        "        return self._call(\"{}\", {args}, None, {cls}, None, timeout, query=_body(None, filters))",
                        op.name
                    )
                    .unwrap();
                } else {
                    writeln!(
                        out,
                        "        return self._call(\"{}\", {args}, {body}, {cls}, {key}, timeout)",
                        op.name
                    )
                    .unwrap();
                }
            }
            if !ops.iter().any(|(_, op)| !op.is_helper()) && !has_helpers {
                out.push_str("    pass\n");
            }
        }
    }
    for (api, class) in [
        (Api::Payroc, "PayrocResources"),
        (Api::Paytrace, "PaytraceResources"),
    ] {
        writeln!(
            out,
            "\n\nclass {class}:\n    \"\"\"The resources of a client, each an attribute named as in the operations' names.\"\"\"\n"
        )
        .unwrap();
        for (resource, _) in resources(api) {
            writeln!(out, "    {resource}: {}", pascal(resource)).unwrap();
        }
        out.push_str("\n    def _attach(self, native: Any, runner: Any) -> None:\n");
        for (resource, _) in resources(api) {
            writeln!(
                out,
                "        self.{resource} = {}(native, runner)",
                pascal(resource)
            )
            .unwrap();
        }
    }
    out
}

fn render_readme() -> String {
    let mut out = String::from(
        "| Operation (C op string, Python attribute path) | HTTP | Official SDKs (Python / Go) | Idempotency key |\n\
         |---|---|---|---|\n",
    );
    for op in OPERATIONS {
        let http = match op.method {
            Some(m) => format!("`{} {}`", m.as_str(), op.path),
            None => "helper of this SDK".to_owned(),
        };
        let official = if op.official_python.is_empty() {
            match op.api {
                Api::Paytrace => "— (PayTrace API)".to_owned(),
                Api::Payroc => "—".to_owned(),
            }
        } else {
            format!("`{}` / `{}`", op.official_python, op.official_go)
        };
        let key = if op.idempotency_key { "yes" } else { "" };
        writeln!(out, "| `{}` | {http} | {official} | {key} |", op.name).unwrap();
    }
    out
}

/// Replaces what lies between the lines holding `begin` and `end` in `text`.
fn splice(text: &str, begin: &str, end: &str, body: &str) -> String {
    let start = text
        .find(begin)
        .unwrap_or_else(|| panic!("marker `{begin}` missing"));
    let start = start + text[start..].find('\n').unwrap() + 1;
    let stop = start
        + text[start..]
            .find(end)
            .unwrap_or_else(|| panic!("marker `{end}` missing"));
    let stop = text[..stop].rfind('\n').map_or(stop, |i| i + 1);
    format!("{}{}{}", &text[..start], body, &text[stop..])
}

/// `code` as rustfmt writes it, so the checked-in file passes `cargo fmt --check`.
fn rustfmt(code: &str) -> String {
    use std::io::Write as _;
    let mut child = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("rustfmt runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(code.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "rustfmt refused the generated code"
    );
    String::from_utf8(output.stdout).unwrap()
}

fn check(path: &Path, wanted: &str, stale: &mut Vec<String>) {
    let current = std::fs::read_to_string(path).unwrap_or_default();
    if current == wanted {
        return;
    }
    if std::env::var_os("PAYROC_REGEN").is_some() {
        std::fs::write(path, wanted).expect("the generated file is writable");
    } else {
        stale.push(path.display().to_string());
    }
}

#[test]
fn generated_files_match_the_operation_table() {
    let root = root();
    let mut stale = Vec::new();
    let rust = root.join("crates/payroc-core/src/operations/generated.rs");
    check(&rust, &rustfmt(&render_rust()), &mut stale);
    let py = root.join("crates/payroc-py/python/payroc_rs/_resources.py");
    check(&py, &render_python(), &mut stale);
    let call = root.join("crates/payroc-ffi/src/call.rs");
    let text = std::fs::read_to_string(&call).unwrap();
    check(
        &call,
        &splice(
            &text,
            "/// Operations (generated",
            "/// (end of the generated list)",
            &render_c_doc(),
        ),
        &mut stale,
    );
    let readme = root.join("README.md");
    let text = std::fs::read_to_string(&readme).unwrap();
    check(
        &readme,
        &splice(
            &text,
            "<!-- operations:begin",
            "<!-- operations:end",
            &render_readme(),
        ),
        &mut stale,
    );
    assert!(
        stale.is_empty(),
        "out of date with the operation table: {stale:?}; run scripts/regen.sh and commit"
    );
}

#[test]
fn the_table_is_consistent() {
    let mut names = std::collections::HashSet::new();
    for op in OPERATIONS {
        assert!(names.insert(op.name), "`{}` is in the table twice", op.name);
        assert!(
            find(op.name).is_some_and(|found| std::ptr::eq(found, op)),
            "`{}` is not found by its name",
            op.name
        );
        assert!(!op.summary.is_empty(), "`{}` has no summary", op.name);
        assert!(
            !op.pages || op.query.is_some(),
            "`{}`: a paged list has a query type",
            op.name
        );
        assert!(
            op.query.is_none() || op.pages || op.array,
            "`{}`: only a list (paged, or one array) has filters",
            op.name
        );
        assert!(
            !op.array || (op.response.is_some() && !op.pages),
            "`{}`: a plain array has an item type and is not paged",
            op.name
        );
        if op.is_helper() {
            assert!(
                op.path.is_empty() && op.request.is_none(),
                "helper `{}`",
                op.name
            );
        } else {
            assert!(op.path.starts_with('/'), "`{}`'s path", op.name);
            if op.api == Api::Payroc {
                assert!(
                    !op.official_python.is_empty(),
                    "`{}` lacks its official name",
                    op.name
                );
            }
        }
    }
    for name in [
        "",
        "payments",
        "payments.",
        "payments.create ",
        "PAYMENTS.CREATE",
        "zzz.zzz",
    ] {
        assert!(find(name).is_none(), "`{name}` is not an operation");
    }
}
