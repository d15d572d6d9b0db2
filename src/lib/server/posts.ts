// Posts, comments and reactions: reads are one function call each; writes carry a client id.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
export type PostKind = Database['public']['Enums']['post_kind'];
export type ReactionKind = Database['public']['Enums']['reaction_kind'];
export type FeedPost = Database['public']['Functions']['group_feed']['Returns'][number];
export type Comment = Database['public']['Functions']['post_comments']['Returns'][number];

export const pageSize = 20;

export async function feed(
	supabase: Client,
	groupId: string,
	before?: { createdAt: string; id: string }
) {
	const { data, error } = await supabase.rpc('group_feed', {
		target_group: groupId,
		page_size: pageSize,
		before_created_at: before?.createdAt,
		before_id: before?.id
	});
	if (error) outage(error);
	return data ?? [];
}

export async function onePost(supabase: Client, groupId: string, postId: string) {
	const { data, error } = await supabase.rpc('group_feed', {
		target_group: groupId,
		only_post: postId
	});
	if (error) outage(error);
	return data?.[0] ?? null;
}

export async function comments(supabase: Client, postId: string) {
	const { data, error } = await supabase.rpc('post_comments', { target_post: postId });
	if (error) outage(error);
	return data ?? [];
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
