// Posts, comments and reactions: one call per page (page_group_feed, page_post); writes carry
// a client id.
import type { Database } from '$lib/database.types';
import type { MeetupCard } from '$lib/server/meetups';
import { outage } from '$lib/server/outage';
import type { WithShell } from '$lib/server/shell';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
export type PostKind = Database['public']['Enums']['post_kind'];
export type ReactionKind = Database['public']['Enums']['reaction_kind'];
export type FeedPost = Database['public']['Functions']['group_feed']['Returns'][number];
export type Comment = Database['public']['Functions']['post_comments']['Returns'][number];

export const pageSize = 20;

/** A page of the feed in one call (page_group_feed); null when I am not an active member. */
export interface FeedPage {
	posts: FeedPost[];
	/** The group's next meetups, on the first page only. */
	meetups: MeetupCard[];
	/** Whether anything is new since my last visit (first page only): then the page sends "seen". */
	news: boolean;
	/** When the database read this page: what "seen" records. */
	read_at: string;
	/** Whether to ask me the month's climate question (first page only). */
	climate_question: boolean;
}

export async function feedPage(
	supabase: Client,
	groupId: string,
	before?: { createdAt: string; id: string }
): Promise<(FeedPage & WithShell) | null> {
	const { data, error } = await supabase.rpc('page_group_feed', {
		target_group: groupId,
		page_size: pageSize,
		...(before ? { before_created_at: before.createdAt, before_id: before.id } : {})
	});
	if (error) outage(error);
	return data as unknown as (FeedPage & WithShell) | null;
}

/** A post with its answers and the shell in one call (page_post); null when it is not there for me. */
export async function postPage(
	supabase: Client,
	groupId: string,
	postId: string
): Promise<({ post: FeedPost; answers: Comment[] } & WithShell) | null> {
	const { data, error } = await supabase.rpc('page_post', {
		target_group: groupId,
		target_post: postId
	});
	if (error) outage(error);
	return data as unknown as ({ post: FeedPost; answers: Comment[] } & WithShell) | null;
}

export async function createPost(
	supabase: Client,
	post: { clientId: string; groupId: string; kind: PostKind; body: string; anonymous: boolean }
) {
	return supabase.rpc('create_post', {
		client_id: post.clientId,
		target_group: post.groupId,
		kind: post.kind,
		body: post.body,
		anonymous: post.anonymous
	});
}

export async function editPost(supabase: Client, postId: string, kind: PostKind, body: string) {
	return supabase.rpc('edit_post', { post: postId, kind, body });
}

export async function deletePost(supabase: Client, postId: string) {
	return supabase.rpc('delete_post', { post: postId });
}

export async function pinPost(supabase: Client, postId: string, pinned: boolean) {
	return supabase.rpc('pin_post', { post: postId, pinned });
}

export async function createComment(
	supabase: Client,
	comment: { clientId: string; postId: string; body: string; anonymous: boolean }
) {
	return supabase.rpc('create_comment', {
		client_id: comment.clientId,
		post: comment.postId,
		body: comment.body,
		anonymous: comment.anonymous
	});
}

export async function editComment(supabase: Client, commentId: string, body: string) {
	return supabase.rpc('edit_comment', { comment: commentId, body });
}

export async function deleteComment(supabase: Client, commentId: string) {
	return supabase.rpc('delete_comment', { comment: commentId });
}

/** Adds my reaction of this kind, or takes it back when I had already given it. */
export async function toggleReaction(
	supabase: Client,
	target: { postId?: string; commentId?: string },
	kind: ReactionKind,
	given: boolean,
	clientId: string
) {
	const post = target.postId ?? null;
	const comment = target.commentId ?? null;
	return given
		? supabase.rpc('remove_reaction', { post: post as string, comment: comment as string, kind })
		: supabase.rpc('add_reaction', {
				client_id: clientId,
				post: post as string,
				comment: comment as string,
				kind
			});
}
