// The RLS matrix as data: a written table of (table, operation, outcome per kind of person)
// drives one loop of tests, so a missing cell is visible. A write is judged by what the
// database holds afterwards, not by the error it returned.
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, test } from 'vitest';
import { db } from './platform';

export interface Target {
	/** Filter that selects the one row under test. */
	key: Record<string, string>;
	/** A new row to try to insert; its key column identifies it afterwards. */
	insert: () => { row: Record<string, unknown>; key: [string, string] };
	/** A column change to try; the check reads it back. */
	update: Record<string, unknown>;
	/** Columns to select, where members may not select them all. */
	columns?: string;
}

export function withKey(key: [string, string], row: Record<string, unknown>) {
	return { row: { ...row, [key[0]]: key[1] }, key };
}

async function rowsMatching(table: string, key: Record<string, string>) {
	const [column, value] = Object.entries(key)[0];
	const { rows } = await db().query(`select * from public.${table} where ${column} = $1`, [value]);
	return rows;
}

const operations = ['select', 'insert', 'update', 'delete'];
// What of a visible row a person may read: `select(user_id)` reads only those columns.
const columnRead = /^select\((.+)\)$/;

/**
 * Defines the tests of a matrix whose first line names the roles. Cells: `see` (the row is
 * visible), `ok` (the write happened) or `-` (nothing visible, nothing changed). Besides the four
 * operations a table may have lines `select(columns)`: `see` when those columns of the row are
 * read, `-` when the row or the columns are refused.
 */
export function describeMatrix<Role extends string>(
	matrix: string,
	roles: readonly Role[],
	setup: () => { clients: Record<Role, SupabaseClient>; targets: Record<string, Target> }
): void {
	const [header, ...lines] = matrix.trim().split('\n');
	expect(header.trim().split(/\s+/).slice(2)).toEqual(roles);
	const cells = lines.flatMap((line) => {
		const [table, operation, ...outcomes] = line.trim().split(/\s+/);
		expect(outcomes).toHaveLength(roles.length);
		return roles.map((role, i) => ({ table, operation, role, allowed: outcomes[i] !== '-' }));
	});
	const tables = [...new Set(cells.map((cell) => cell.table))];

	describe.each(tables)('%s', (table) => {
		test('has a row in the matrix for each operation', () => {
			const basic = cells.filter(
				(cell) => cell.table === table && !columnRead.test(cell.operation)
			);
			expect(basic.map((cell) => cell.operation)).toEqual(
				operations.flatMap((operation) => roles.map(() => operation))
			);
		});

		test.each(cells.filter((cell) => cell.table === table))(
			'$operation by $role: allowed = $allowed',
			async ({ operation, role, allowed }) => {
				const { clients, targets } = setup();
				const sb = clients[role];
				const target = targets[table];
				const [column, value] = Object.entries(target.key)[0];
				const read = columnRead.exec(operation);
				if (operation === 'select' || read) {
					const { data } = await sb
						.from(table)
						.select(read ? read[1] : (target.columns ?? '*'))
						.eq(column, value);
					expect((data ?? []).length > 0).toBe(allowed);
				} else if (operation === 'insert') {
					const { row, key } = target.insert();
					await sb.from(table).insert(row);
					expect((await rowsMatching(table, { [key[0]]: key[1] })).length > 0).toBe(allowed);
				} else if (operation === 'update') {
					const before = await rowsMatching(table, target.key);
					await sb.from(table).update(target.update).eq(column, value);
					const after = await rowsMatching(table, target.key);
					expect(JSON.stringify(after) !== JSON.stringify(before)).toBe(allowed);
				} else {
					await sb.from(table).delete().eq(column, value);
					expect((await rowsMatching(table, target.key)).length === 0).toBe(allowed);
				}
			}
		);
	});
}
