// Hosted Supabase loads pg-safeupdate for the API (authenticator's session_preload_libraries):
// an UPDATE or DELETE without a WHERE clause is refused there ("UPDATE requires a WHERE clause"),
// also inside a function PostgREST calls. The local Postgres has no safeupdate, so this finds such
// statements in SQL text instead (tests/db/safeupdate.test.ts runs it on every function).

/** Comments and quoted text (strings, dollar quotes, quoted names) blanked out, lengths kept. */
function blankOut(sql: string): string {
	let out = '';
	let i = 0;
	while (i < sql.length) {
		const rest = sql.slice(i);
		let end = -1;
		if (rest.startsWith('--'))
			end = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
		else if (rest.startsWith('/*'))
			end = sql.indexOf('*/', i + 2) === -1 ? sql.length : sql.indexOf('*/', i + 2) + 2;
		else if (sql[i] === "'") {
			let j = i + 1;
			while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
			end = j + 1;
		} else if (sql[i] === '"') end = sql.indexOf('"', i + 1) + 1 || sql.length;
		else {
			const tag = /^\$[A-Za-z_]*\$/.exec(rest)?.[0];
			if (tag)
				end =
					sql.indexOf(tag, i + tag.length) === -1
						? sql.length
						: sql.indexOf(tag, i + tag.length) + tag.length;
		}
		if (end === -1) {
			out += sql[i];
			i += 1;
		} else {
			out += sql.slice(i, end).replace(/[^\n]/g, ' ');
			i = end;
		}
	}
	return out;
}

const name = String.raw`(?:only\s+)?[a-z_][\w$]*(?:\s*\.\s*[a-z_][\w$]*)?`;
const writes = new RegExp(
	String.raw`\b(?:(do)\s+)?(update)\s+${name}(?:\s+(?:as\s+)?(?!set\b)[a-z_][\w$]*)?\s+set\b|\b(delete)\s+from\s+${name}`,
	'gi'
);

/** Each UPDATE and DELETE in `sql`, as one line, and whether it has a WHERE of its own. */
export function writeStatements(sql: string): Array<{ statement: string; hasWhere: boolean }> {
	const text = blankOut(sql);
	const found: Array<{ statement: string; hasWhere: boolean }> = [];
	for (const match of text.matchAll(writes)) {
		if (match[1]) continue; // insert … on conflict do update: an insert, safeupdate lets it be
		// Its own WHERE: at its own level of brackets, before its statement (or the CTE or
		// subquery it is in) ends.
		let depth = 0;
		let hasWhere = false;
		let i = match.index + match[0].length;
		for (; i < text.length; i++) {
			const char = text[i];
			if (char === '(') depth += 1;
			else if (char === ')') {
				if (depth === 0) break;
				depth -= 1;
			} else if (char === ';' && depth === 0) break;
			else if (
				depth === 0 &&
				/^where\b/i.test(text.slice(i, i + 6)) &&
				!/[\w$]/.test(text[i - 1])
			) {
				hasWhere = true;
				break;
			}
		}
		const statement = sql.slice(match.index, i).replace(/\s+/g, ' ').trim().slice(0, 120);
		found.push({ statement, hasWhere });
	}
	return found;
}

/** Each UPDATE or DELETE in `sql` that has no WHERE of its own, as one line. */
export function writesWithoutWhere(sql: string): string[] {
	return writeStatements(sql)
		.filter((write) => !write.hasWhere)
		.map((write) => write.statement);
}
