// What every form action does with a refusal: say why in plain words, keep what was typed
// (except passwords), and answer 400.
import { m } from '$lib/paraglide/messages';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { message, setError, type SuperValidated } from 'sveltekit-superforms';

type Form = SuperValidated<Record<string, unknown>, App.Superforms.Message>;

export function refuse<F extends Form>(
	form: F,
	reason?: { field?: string; message: string },
	/** Fields never sent back; a form for a new password keeps the new one and asks the old again. */
	secrets: string[] = ['password', 'current_password']
): ActionFailure<{ form: F }> {
	for (const secret of secrets) if (secret in form.data) form.data[secret] = '';
	if (!reason) {
		form.message = { kind: 'error', text: m.error_fix_fields() };
		return fail(400, { form });
	}
	if (reason.field && reason.field in form.data) {
		// The words go beside the field; the top of the form says there is something to fix, as
		// it does when a field was left wrong.
		form.message = { kind: 'error', text: m.error_fix_fields() };
		return setError(form, reason.field as never, reason.message) as ActionFailure<{ form: F }>;
	}
	return message(form, { kind: 'error', text: reason.message }, { status: 400 }) as ActionFailure<{
		form: F;
	}>;
}

export function confirm<F extends Form>(form: F, text: string) {
	return message(form, { kind: 'ok', text });
}
