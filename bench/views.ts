// What one page view costs behind the app, counted one view at a time on a quiet platform:
// - HTTP calls from the app, as the gateway sees them (auth and REST), and how deep their chain
//   is: a call is one level below every call that had finished before it started.
// - SQL statements, from pg_stat_statements (hosted Supabase has it too): top-level ones, what
//   PostgREST and auth send, and those run inside functions. Transaction control is left out:
//   pg_stat_statements sees PostgREST's BEGIN/COMMIT only now and then (it prepares them).
// - Writes: statements that insert, update, delete or merge, at any level, counted when they run
//   even if they touch no row; and transactions that wrote, counted by the transaction ids
//   Postgres handed out (it gives one only to a transaction that changes or locks a row — a
//   savepoint that writes inside one takes one more; no function these pages call has one).
import pg from 'pg';
import type { GatewayCall } from '../local-supabase/gateway';
import type { Platform } from '../local-supabase/platform';

export interface ViewCost {
	authCalls: number;
	restCalls: number;
	/** Levels of the chain of calls: 1 when all start at once. */
	levels: number;
	statements: number;
	statementsInFunctions: number;
	writeStatements: number;
	writeTransactions: number;
}

const viewsPerPage = 7;

/** Turns on what the counting needs in the benchmark's own database. */
export async function prepareCounting(db: pg.Client): Promise<void> {
	await db.query('create extension if not exists pg_stat_statements with schema extensions');
	await db.query(`alter system set pg_stat_statements.track = 'all'`);
	await db.query('select pg_reload_conf()');
}

/**
 * Views the page a few times, one after another. Counts are medians; the chain is the shortest
 * seen, since a late start (the app busy for a moment) can only make a chain look longer.
 */
export async function countViews(
	platform: Platform,
	db: pg.Client,
	url: string,
	cookie?: string
): Promise<ViewCost> {
	const views: ViewCost[] = [];
	for (let view = 0; view < viewsPerPage; view++) {
		const calls: GatewayCall[] = [];
		const before = await databaseCounters(db);
		const stop = platform.observeGateway((call) => calls.push(call));
		try {
			const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
			await response.arrayBuffer();
			if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
		} finally {
			stop();
		}
		const after = await databaseCounters(db);
		views.push({
			authCalls: calls.filter((call) => call.service === 'auth').length,
			restCalls: calls.filter((call) => call.service === 'rest').length,
			levels: chainLevels(calls),
			statements: after.statements - before.statements,
			statementsInFunctions: after.statementsInFunctions - before.statementsInFunctions,
			writeStatements: after.writeStatements - before.writeStatements,
			writeTransactions: after.nextTransactionId - before.nextTransactionId
		});
	}
	const median = (pick: (view: ViewCost) => number) =>
		views.map(pick).sort((a, b) => a - b)[Math.floor(views.length / 2)];
	return {
		authCalls: median((view) => view.authCalls),
		restCalls: median((view) => view.restCalls),
		levels: Math.min(...views.map((view) => view.levels)),
		statements: median((view) => view.statements),
		statementsInFunctions: median((view) => view.statementsInFunctions),
		writeStatements: median((view) => view.writeStatements),
		writeTransactions: median((view) => view.writeTransactions)
	};
}

function chainLevels(calls: GatewayCall[]): number {
	const level = new Map<GatewayCall, number>();
	const byStart = [...calls].sort((a, b) => a.startedAt - b.startedAt);
	for (const call of byStart) {
		const earlier = byStart.filter((other) => other.endedAt <= call.startedAt);
		level.set(call, 1 + Math.max(0, ...earlier.map((other) => level.get(other) ?? 0)));
	}
	return Math.max(0, ...level.values());
}

/** A statement that writes, or a query whose WITH part writes (as PostgREST sends inserts). */
const writing = String.raw`^\s*(insert|update|delete|merge)\M|\m(insert\s+into|update\s+\S+\s+set|delete\s+from|merge\s+into)\M`;

/**
 * One statement reads everything and leaves itself out (its text names pg_stat_statements).
 * pg_snapshot_xmax is the next transaction id on a quiet database, read without taking one.
 */
async function databaseCounters(db: pg.Client) {
	const { rows } = await db.query<{
		statements: string;
		statements_in_functions: string;
		write_statements: string;
		next_transaction_id: string;
	}>(
		`with counted as (
			select toplevel, calls, query ~* $1 as writes
			from extensions.pg_stat_statements
			where query !~* '^\\s*(begin|start|commit|end|rollback|abort|savepoint|release)\\M'
				and query not like '%pg_stat_statements%'
		)
		select
			coalesce(sum(calls) filter (where toplevel), 0) as statements,
			coalesce(sum(calls) filter (where not toplevel), 0) as statements_in_functions,
			coalesce(sum(calls) filter (where writes), 0) as write_statements,
			pg_snapshot_xmax(pg_current_snapshot())::text as next_transaction_id
		from counted`,
		[writing]
	);
	const row = rows[0];
	return {
		statements: Number(row.statements),
		statementsInFunctions: Number(row.statements_in_functions),
		writeStatements: Number(row.write_statements),
		nextTransactionId: Number(row.next_transaction_id)
	};
}
