// auth.users and auth.identities, read and written as GoTrue does, and the user object it returns.
import type pg from 'pg';

export interface UserRow {
	id: string;
	aud: string;
	role: string;
	email: string | null;
	encrypted_password: string | null;
	email_confirmed_at: Date | null;
	phone: string | null;
	confirmed_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date;
	updated_at: Date;
	is_anonymous: boolean;
}

interface IdentityRow {
	id: string;
	provider_id: string;
	user_id: string;
	identity_data: Record<string, unknown>;
	provider: string;
	last_sign_in_at: Date | null;
	created_at: Date;
	updated_at: Date;
	email: string | null;
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

const instanceId = '00000000-0000-0000-0000-000000000000';

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
	const { rows } = await db.query<UserRow>(
		'select * from auth.users where id = $1 and deleted_at is null',
		[id]
	);
	return rows[0];
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
	const { rows } = await db.query<UserRow>(
		'select * from auth.users where lower(email) = lower($1) and deleted_at is null',
		[email]
	);
	return rows[0];
}

export async function createUser(
	db: pg.Pool,
	user: {
		email?: string;
		passwordHash?: string;
		userMetadata?: Record<string, unknown>;
		appMetadata?: Record<string, unknown>;
		anonymous?: boolean;
	}
): Promise<UserRow> {
	const client = await db.connect();
	try {
		await client.query('begin');
		const provider = user.anonymous ? 'anonymous' : 'email';
		const { rows } = await client.query<UserRow>(
			// GoTrue writes '' and false, never NULL, where it reads a Go string or bool
			// (tests/db/seeded-users-work-with-gotrue.test.ts).
			`insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
				email_confirmed_at, raw_app_meta_data, raw_user_meta_data, is_anonymous, created_at, updated_at,
				confirmation_token, recovery_token, email_change_token_new, email_change, is_super_admin)
			values ($1, gen_random_uuid(), 'authenticated', 'authenticated', $2::varchar, $3,
				case when $2::text is null then null else now() end, $4, $5, $6, now(), now(),
				'', '', '', '', false)
			returning *`,
			[
				instanceId,
				user.email?.toLowerCase() ?? null,
				user.passwordHash ?? null,
				{ provider, providers: [provider], ...user.appMetadata },
				user.userMetadata ?? {},
				user.anonymous ?? false
			]
		);
		const created = rows[0];
		if (created.email) await addEmailIdentity(client, created);
		await client.query('commit');
		return created;
	} catch (error) {
		await client.query('rollback');
		throw error;
	} finally {
		client.release();
	}
}

export async function addEmailIdentity(db: Queryable, user: UserRow): Promise<void> {
	await db.query(
		`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
		values ($1::text, $2::uuid, $3, 'email', now(), now(), now())
		on conflict (provider_id, provider) do update set identity_data = excluded.identity_data, updated_at = now()`,
		[
			user.id,
			user.id,
			{ sub: user.id, email: user.email, email_verified: true, phone_verified: false }
		]
	);
}

/** The user object of GoTrue's responses. */
export async function userJson(db: Queryable, user: UserRow): Promise<Record<string, unknown>> {
	const { rows: identities } = await db.query<IdentityRow>(
		'select * from auth.identities where user_id = $1 order by created_at',
		[user.id]
	);
	return {
		id: user.id,
		aud: user.aud,
		role: user.role,
		email: user.email ?? '',
		email_confirmed_at: user.email_confirmed_at?.toISOString(),
		phone: user.phone ?? '',
		confirmed_at: user.confirmed_at?.toISOString(),
		last_sign_in_at: user.last_sign_in_at?.toISOString(),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: identities.map((identity) => ({
			identity_id: identity.id,
			id: identity.provider_id,
			user_id: identity.user_id,
			identity_data: identity.identity_data,
			provider: identity.provider,
			last_sign_in_at: identity.last_sign_in_at?.toISOString(),
			created_at: identity.created_at.toISOString(),
			updated_at: identity.updated_at.toISOString(),
			email: identity.email ?? undefined
		})),
		created_at: user.created_at.toISOString(),
		updated_at: user.updated_at.toISOString(),
		is_anonymous: user.is_anonymous
	};
}
