//! Payroc Cloud waits from C: `payroc_cancel` (a switch another thread can flip),
//! `payroc_cloud_wait` and the whole-sale and whole-refund helpers, each with a
//! deadline.

use crate::boundary::{
    guard, guard_value, out_ptr, payroc_result, read_opt_str, read_str, to_c_string, write_out,
    BoxHandle,
};
use crate::call::{read_call, reply_json};
use crate::client::payroc_client;
use crate::error::{payroc_error, Failure};
use payroc_core::{CancelHandle, WaitOptions};
use serde_json::Value;
use std::ffi::c_char;
use std::time::Duration;

/// A cancel switch: pass it to a wait, and call `payroc_cancel_trigger` from any
/// other thread (e.g. the operator pressed "cancel") to stop the wait and cancel the
/// instruction on the device. Made by `payroc_cancel_new`, freed by
/// `payroc_cancel_free` once no wait that uses it is still running. One switch may
/// serve several waits; once triggered it stays triggered.
///
/// Thread safety: `payroc_cancel_trigger` and `payroc_cancel_is_triggered` may be
/// called from any thread at any time while the switch lives.
pub struct payroc_cancel {
    inner: CancelHandle,
}

impl BoxHandle for payroc_cancel {}

/// Which kind of Payroc Cloud instruction to wait on.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum payroc_instruction_kind {
    /// A payment instruction (`paymentInstructionId`).
    PAYROC_INSTRUCTION_PAYMENT = 0,
    /// A refund instruction (`refundInstructionId`).
    PAYROC_INSTRUCTION_REFUND = 1,
    /// A signature instruction (`signatureInstructionId`).
    PAYROC_INSTRUCTION_SIGNATURE = 2,
}

/// A new switch, not triggered. Returns NULL only if memory ran out.
///
/// Thread safety: safe from any thread.
#[no_mangle]
pub extern "C" fn payroc_cancel_new() -> *mut payroc_cancel {
    guard_value(std::ptr::null_mut(), || {
        payroc_cancel {
            inner: CancelHandle::new(),
        }
        .into_raw()
    })
}

/// Triggers the switch: every wait using it returns `PAYROC_RESULT_CANCELLED` soon
/// after (unless its instruction had already finished, whose result then wins).
/// NULL is a no-op; triggering twice is harmless.
///
/// Thread safety: safe from any thread, also while another thread waits.
///
/// # Safety
/// `cancel` is NULL or a live switch.
#[no_mangle]
pub unsafe extern "C" fn payroc_cancel_trigger(cancel: *const payroc_cancel) {
    guard_value((), || {
        // SAFETY: guaranteed by the caller.
        if let Ok(c) = unsafe { payroc_cancel::borrow(cancel, "cancel") } {
            c.inner.cancel();
        }
    })
}

/// Whether the switch was triggered (false for NULL).
///
/// Thread safety: safe from any thread.
///
/// # Safety
/// `cancel` is NULL or a live switch.
#[no_mangle]
pub unsafe extern "C" fn payroc_cancel_is_triggered(cancel: *const payroc_cancel) -> bool {
    guard_value(false, || {
        // SAFETY: guaranteed by the caller.
        unsafe { payroc_cancel::borrow(cancel, "cancel") }.is_ok_and(|c| c.inner.is_cancelled())
    })
}

/// Frees a switch. NULL is a no-op. No wait may still be using it, and no other
/// thread may trigger it afterwards.
///
/// # Safety
/// `cancel` is NULL or a switch from `payroc_cancel_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn payroc_cancel_free(cancel: *mut payroc_cancel) {
    // SAFETY: guaranteed by the caller.
    guard_value((), || unsafe { payroc_cancel::free_raw(cancel) })
}

/// Wait options from C: `deadline_ms` 0 means no deadline.
///
/// # Safety
/// `cancel` is NULL or a live switch.
unsafe fn wait_options(deadline_ms: u64, cancel: *const payroc_cancel) -> WaitOptions {
    WaitOptions {
        deadline: (deadline_ms > 0).then(|| Duration::from_millis(deadline_ms)),
        // SAFETY: guaranteed by the caller; the handle is cloned, so the wait holds
        // its own reference to the switch's state.
        cancel: unsafe { cancel.as_ref() }.map(|c| c.inner.clone()),
        ..WaitOptions::default()
    }
}

/// Waits until a Payroc Cloud instruction ends, long-polling the gateway.
///
/// - `kind` is a `payroc_instruction_kind`; `instruction_id` its id.
/// - `deadline_ms`: give up after this many milliseconds (0: wait until it ends).
///   The deadline bounds the whole call, also when the gateway stops answering: at
///   the deadline the instruction is cancelled on the device too (that cancel gets at
///   most 2 s more) and the call returns `PAYROC_RESULT_TIMEOUT`.
/// - `cancel` (NULL: none): a switch another thread may trigger; the instruction is
///   then cancelled and the call returns `PAYROC_RESULT_CANCELLED`.
/// - If the device finished the instruction before the cancel took (the gateway
///   refuses to cancel an instruction no longer in progress), the call succeeds with
///   the finished instruction, at the deadline and at a cancel alike: a sale that was
///   made is never reported as cancelled or timed out.
/// - On success `*instruction_json_out` owns the instruction as it ended (`status`
///   `completed`, `failure` or `canceled`, and a link to what it made), for
///   `payroc_string_free`.
///
/// Thread safety: safe from many threads at once; the call blocks its thread.
///
/// # Safety
/// `client` is NULL or a live client; `instruction_id` is NULL or a NUL-terminated
/// string; `cancel` is NULL or a live switch that outlives the call; the out
/// pointers are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn payroc_cloud_wait(
    client: *const payroc_client,
    kind: u32,
    instruction_id: *const c_char,
    deadline_ms: u64,
    cancel: *const payroc_cancel,
    instruction_json_out: *mut *mut c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller.
        let client = unsafe { payroc_client::borrow(client, "client") }?;
        // SAFETY: guaranteed by the caller.
        let id = unsafe { read_str(instruction_id, "instruction_id") }?.to_owned();
        let out = out_ptr(instruction_json_out, "instruction_json_out")?;
        // SAFETY: guaranteed by the caller.
        let wait = unsafe { wait_options(deadline_ms, cancel) };
        let (operation, id_name) = match kind {
            k if k == payroc_instruction_kind::PAYROC_INSTRUCTION_PAYMENT as u32 => {
                ("payment_instructions.wait", "paymentInstructionId")
            }
            k if k == payroc_instruction_kind::PAYROC_INSTRUCTION_REFUND as u32 => {
                ("refund_instructions.wait", "refundInstructionId")
            }
            k if k == payroc_instruction_kind::PAYROC_INSTRUCTION_SIGNATURE as u32 => {
                ("signature_instructions.wait", "signatureInstructionId")
            }
            other => {
                return Err(Failure::invalid(format!(
                    "unknown instruction kind {other}"
                )))
            }
        };
        let mut query = None;
        let mut call = read_call(None, None, &mut query, None)?;
        call.args.insert(id_name.to_owned(), Value::String(id));
        call.wait = wait;
        let json = reply_json(client.inner.call_json(operation, &call)?);
        // SAFETY: checked not NULL; writable by contract.
        unsafe { write_out(out, to_c_string(json)) };
        Ok(())
    })
}

/// Runs a Cloud helper (`operation`) for `payroc_cloud_run_sale` and
/// `payroc_cloud_run_refund`.
///
/// # Safety
/// As `payroc_cloud_run_sale`.
#[allow(clippy::too_many_arguments)]
unsafe fn run(
    operation: &str,
    client: *const payroc_client,
    serial_number: *const c_char,
    request_json: *const c_char,
    idempotency_key: *const c_char,
    deadline_ms: u64,
    cancel: *const payroc_cancel,
    out: *mut *mut c_char,
    out_name: &'static str,
) -> Result<(), Failure> {
    // SAFETY: guaranteed by the caller.
    let client = unsafe { payroc_client::borrow(client, "client") }?;
    // SAFETY: guaranteed by the caller.
    let serial = unsafe { read_str(serial_number, "serial_number") }?.to_owned();
    // SAFETY: guaranteed by the caller.
    let body = unsafe { read_str(request_json, "request_json") }?;
    // SAFETY: guaranteed by the caller.
    let key = unsafe { read_opt_str(idempotency_key, "idempotency_key") }?;
    let out = out_ptr(out, out_name)?;
    let mut query = None;
    let mut call = read_call(None, Some(body), &mut query, key)?;
    call.args
        .insert("serialNumber".to_owned(), Value::String(serial));
    // SAFETY: guaranteed by the caller.
    call.wait = unsafe { wait_options(deadline_ms, cancel) };
    let json = reply_json(client.inner.call_json(operation, &call)?);
    // SAFETY: checked not NULL; writable by contract.
    unsafe { write_out(out, to_c_string(json)) };
    Ok(())
}

/// Runs a whole sale on a Payroc Cloud device: submits `request_json` (a
/// PaymentInstructionRequest, validated first) to device `serial_number` (an empty or
/// blank serial is `PAYROC_RESULT_VALIDATION`, nothing sent), waits as
/// `payroc_cloud_wait` does (deadline, cancel switch), and follows the instruction to
/// its payment. `deadline_ms` bounds all of it, the submit included. A switch already
/// triggered returns `PAYROC_RESULT_CANCELLED` at once, before anything is submitted. On success `*sale_json_out` owns, for `payroc_string_free`:
/// `{"outcome": "completed"|"failure"|"canceled"|<another status>, "approved": bool,
/// "instruction": {...}, "payment": {...}|null, "errorMessage": "..."|null}` (the
/// same as `payroc_call`'s `payment_instructions.run_sale`, which takes no switch). A
/// declined card is a success with `"approved": false`.
///
/// Thread safety: safe from many threads at once; the call blocks its thread.
///
/// # Safety
/// As `payroc_cloud_wait`; `request_json` and `idempotency_key` are NULL or
/// NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn payroc_cloud_run_sale(
    client: *const payroc_client,
    serial_number: *const c_char,
    request_json: *const c_char,
    idempotency_key: *const c_char,
    deadline_ms: u64,
    cancel: *const payroc_cancel,
    sale_json_out: *mut *mut c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller (see `# Safety`).
        unsafe {
            run(
                "payment_instructions.run_sale",
                client,
                serial_number,
                request_json,
                idempotency_key,
                deadline_ms,
                cancel,
                sale_json_out,
                "sale_json_out",
            )
        }
    })
}

/// Runs a whole unreferenced refund on a Payroc Cloud device, as
/// `payroc_cloud_run_sale` runs a sale: `request_json` is a RefundInstructionRequest;
/// `*refund_json_out` owns `{"instruction": {...}, "refund": {...}|null}`.
///
/// Thread safety: safe from many threads at once; the call blocks its thread.
///
/// # Safety
/// As `payroc_cloud_run_sale`.
#[no_mangle]
pub unsafe extern "C" fn payroc_cloud_run_refund(
    client: *const payroc_client,
    serial_number: *const c_char,
    request_json: *const c_char,
    idempotency_key: *const c_char,
    deadline_ms: u64,
    cancel: *const payroc_cancel,
    refund_json_out: *mut *mut c_char,
    error_out: *mut *mut payroc_error,
) -> payroc_result {
    guard(error_out, || {
        // SAFETY: guaranteed by the caller (see `# Safety`).
        unsafe {
            run(
                "refund_instructions.run_refund",
                client,
                serial_number,
                request_json,
                idempotency_key,
                deadline_ms,
                cancel,
                refund_json_out,
                "refund_json_out",
            )
        }
    })
}
