export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12"
  }
  public: {
    Tables: {
      answer_requests: {
        Row: {
          asked_by: string | null
          asked_member_id: string
          client_id: string
          created_at: string
          done_at: string | null
          id: string
          post_id: string
        }
        Insert: {
          asked_by?: string | null
          asked_member_id: string
          client_id: string
          created_at?: string
          done_at?: string | null
          id?: string
          post_id: string
        }
        Update: {
          asked_by?: string | null
          asked_member_id?: string
          client_id?: string
          created_at?: string
          done_at?: string | null
          id?: string
          post_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "answer_requests_asked_member_id_fkey"
            columns: ["asked_member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "answer_requests_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
        ]
      }
      attendance: {
        Row: {
          checked_in_at: string
          checked_in_by: string | null
          created_at: string
          id: string
          meetup_id: string
          member_id: string
          walk_in: boolean
        }
        Insert: {
          checked_in_at?: string
          checked_in_by?: string | null
          created_at?: string
          id?: string
          meetup_id: string
          member_id: string
          walk_in?: boolean
        }
        Update: {
          checked_in_at?: string
          checked_in_by?: string | null
          created_at?: string
          id?: string
          meetup_id?: string
          member_id?: string
          walk_in?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "attendance_meetup_id_fkey"
            columns: ["meetup_id"]
            isOneToOne: false
            referencedRelation: "meetups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "attendance_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
        ]
      }
      buddies: {
        Row: {
          answered_at: string | null
          asked_by: string | null
          buddy_id: string
          client_id: string
          created_at: string
          group_id: string
          id: string
          newcomer_id: string
          status: string
        }
        Insert: {
          answered_at?: string | null
          asked_by?: string | null
          buddy_id: string
          client_id: string
          created_at?: string
          group_id: string
          id?: string
          newcomer_id: string
          status?: string
        }
        Update: {
          answered_at?: string | null
          asked_by?: string | null
          buddy_id?: string
          client_id?: string
          created_at?: string
          group_id?: string
          id?: string
          newcomer_id?: string
          status?: string
        }
        Relationships: [
          {
            foreignKeyName: "buddies_buddy_id_fkey"
            columns: ["buddy_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "buddies_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "buddies_newcomer_id_fkey"
            columns: ["newcomer_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
        ]
      }
      calendar_feeds: {
        Row: {
          created_at: string
          token_hash: string
          user_id: string
        }
        Insert: {
          created_at?: string
          token_hash: string
          user_id: string
        }
        Update: {
          created_at?: string
          token_hash?: string
          user_id?: string
        }
        Relationships: []
      }
      climate_answers: {
        Row: {
          answers: number
          face: number
          group_id: string
          month: string
        }
        Insert: {
          answers?: number
          face: number
          group_id: string
          month: string
        }
        Update: {
          answers?: number
          face?: number
          group_id?: string
          month?: string
        }
        Relationships: [
          {
            foreignKeyName: "climate_answers_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
        ]
      }
      climate_asked: {
        Row: {
          member_id: string
          month: string
        }
        Insert: {
          member_id: string
          month: string
        }
        Update: {
          member_id?: string
          month?: string
        }
        Relationships: [
          {
            foreignKeyName: "climate_asked_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
        ]
      }
      comment_authors: {
        Row: {
          author_id: string
          client_id: string
          comment_id: string
          created_at: string
        }
        Insert: {
          author_id: string
          client_id: string
          comment_id: string
          created_at?: string
        }
        Update: {
          author_id?: string
          client_id?: string
          comment_id?: string
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "comment_authors_comment_id_fkey"
            columns: ["comment_id"]
            isOneToOne: true
            referencedRelation: "comments"
            referencedColumns: ["id"]
          },
        ]
      }
      comments: {
        Row: {
          anonymous: boolean
          author_id: string | null
          body: string
          created_at: string
          deleted_at: string | null
          edited_at: string | null
          group_id: string
          hidden_at: string | null
          hidden_reason: string | null
          id: string
          post_id: string
        }
        Insert: {
          anonymous?: boolean
          author_id?: string | null
          body: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          group_id: string
          hidden_at?: string | null
          hidden_reason?: string | null
          id?: string
          post_id: string
        }
        Update: {
          anonymous?: boolean
          author_id?: string | null
          body?: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          group_id?: string
          hidden_at?: string | null
          hidden_reason?: string | null
          id?: string
          post_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "comments_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comments_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
        ]
      }
      group_members: {
        Row: {
          created_at: string
          group_id: string
          id: string
          joined_at: string | null
          last_seen_at: string | null
          muted_until: string | null
          nickname: string
          nickname_readings: string[]
          refused_at: string | null
          refused_reason: string | null
          role: Database["public"]["Enums"]["member_role"]
          rules_accepted_at: string | null
          signals_opt_out: boolean
          status: Database["public"]["Enums"]["member_status"]
          user_id: string | null
          without_phone: boolean
        }
        Insert: {
          created_at?: string
          group_id: string
          id?: string
          joined_at?: string | null
          last_seen_at?: string | null
          muted_until?: string | null
          nickname: string
          nickname_readings: string[]
          refused_at?: string | null
          refused_reason?: string | null
          role?: Database["public"]["Enums"]["member_role"]
          rules_accepted_at?: string | null
          signals_opt_out?: boolean
          status?: Database["public"]["Enums"]["member_status"]
          user_id?: string | null
          without_phone?: never
        }
        Update: {
          created_at?: string
          group_id?: string
          id?: string
          joined_at?: string | null
          last_seen_at?: string | null
          muted_until?: string | null
          nickname?: string
          nickname_readings?: string[]
          refused_at?: string | null
          refused_reason?: string | null
          role?: Database["public"]["Enums"]["member_role"]
          rules_accepted_at?: string | null
          signals_opt_out?: boolean
          status?: Database["public"]["Enums"]["member_status"]
          user_id?: string | null
          without_phone?: never
        }
        Relationships: [
          {
            foreignKeyName: "group_members_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
        ]
      }
      groups: {
        Row: {
          archived_at: string | null
          created_at: string
          description: string
          id: string
          join_policy: Database["public"]["Enums"]["join_policy"]
          language: string
          name: string
          organisation_id: string
          rules: string
          slug: string
        }
        Insert: {
          archived_at?: string | null
          created_at?: string
          description?: string
          id?: string
          join_policy?: Database["public"]["Enums"]["join_policy"]
          language?: string
          name: string
          organisation_id: string
          rules?: string
          slug: string
        }
        Update: {
          archived_at?: string | null
          created_at?: string
          description?: string
          id?: string
          join_policy?: Database["public"]["Enums"]["join_policy"]
          language?: string
          name?: string
          organisation_id?: string
          rules?: string
          slug?: string
        }
        Relationships: [
          {
            foreignKeyName: "groups_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      inclusion_actions: {
        Row: {
          buddy_id: string | null
          created_at: string
          group_id: string
          id: string
          kind: string
          meetup_id: string | null
          member_id: string
          moderator_id: string | null
          post_id: string | null
          signal_kind: string | null
          thread_id: string | null
        }
        Insert: {
          buddy_id?: string | null
          created_at?: string
          group_id: string
          id?: string
          kind: string
          meetup_id?: string | null
          member_id: string
          moderator_id?: string | null
          post_id?: string | null
          signal_kind?: string | null
          thread_id?: string | null
        }
        Update: {
          buddy_id?: string | null
          created_at?: string
          group_id?: string
          id?: string
          kind?: string
          meetup_id?: string | null
          member_id?: string
          moderator_id?: string | null
          post_id?: string | null
          signal_kind?: string | null
          thread_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "inclusion_actions_buddy_id_fkey"
            columns: ["buddy_id"]
            isOneToOne: false
            referencedRelation: "buddies"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inclusion_actions_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inclusion_actions_meetup_id_fkey"
            columns: ["meetup_id"]
            isOneToOne: false
            referencedRelation: "meetups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inclusion_actions_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inclusion_actions_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inclusion_actions_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "moderation_threads"
            referencedColumns: ["id"]
          },
        ]
      }
      inclusion_settings: {
        Row: {
          circle_inside_share: number
          circle_max_fraction: number
          circle_min_size: number
          created_at: string
          dominance_min_contributions: number
          dominance_share: number
          dominance_top_fraction: number
          dominance_window_days: number
          fading_before_days: number
          fading_min_items: number
          fading_missed_in_series: number
          fading_quiet_days: number
          fading_series_min_attended: number
          first_timer_max_days: number
          first_timer_min_days: number
          group_id: string
          needs_min_missed: number
          needs_window_days: number
          newcomer_after_days: number
          newcomer_window_days: number
          not_reached_min_items: number
          not_reached_window_days: number
          ties_window_days: number
          unanswered_after_hours: number
          unanswered_window_days: number
          updated_at: string
        }
        Insert: {
          circle_inside_share?: number
          circle_max_fraction?: number
          circle_min_size?: number
          created_at?: string
          dominance_min_contributions?: number
          dominance_share?: number
          dominance_top_fraction?: number
          dominance_window_days?: number
          fading_before_days?: number
          fading_min_items?: number
          fading_missed_in_series?: number
          fading_quiet_days?: number
          fading_series_min_attended?: number
          first_timer_max_days?: number
          first_timer_min_days?: number
          group_id: string
          needs_min_missed?: number
          needs_window_days?: number
          newcomer_after_days?: number
          newcomer_window_days?: number
          not_reached_min_items?: number
          not_reached_window_days?: number
          ties_window_days?: number
          unanswered_after_hours?: number
          unanswered_window_days?: number
          updated_at?: string
        }
        Update: {
          circle_inside_share?: number
          circle_max_fraction?: number
          circle_min_size?: number
          created_at?: string
          dominance_min_contributions?: number
          dominance_share?: number
          dominance_top_fraction?: number
          dominance_window_days?: number
          fading_before_days?: number
          fading_min_items?: number
          fading_missed_in_series?: number
          fading_quiet_days?: number
          fading_series_min_attended?: number
          first_timer_max_days?: number
          first_timer_min_days?: number
          group_id?: string
          needs_min_missed?: number
          needs_window_days?: number
          newcomer_after_days?: number
          newcomer_window_days?: number
          not_reached_min_items?: number
          not_reached_window_days?: number
          ties_window_days?: number
          unanswered_after_hours?: number
          unanswered_window_days?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "inclusion_settings_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: true
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
        ]
      }
      inclusion_signal_handled: {
        Row: {
          created_at: string
          fingerprint: string
          group_id: string
          handled_at: string
          handled_by: string | null
          id: string
          kind: string
          member_id: string | null
          note: string | null
          post_id: string | null
        }
        Insert: {
          created_at?: string
          fingerprint: string
          group_id: string
          handled_at?: string
          handled_by?: string | null
          id?: string
          kind: string
          member_id?: string | null
          note?: string | null
          post_id?: string | null
        }
        Update: {
          created_at?: string
          fingerprint?: string
          group_id?: string
          handled_at?: string
          handled_by?: string | null
          id?: string
          kind?: string
          member_id?: string | null
          note?: string | null
          post_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "inclusion_signal_handled_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inclusion_signal_handled_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "inclusion_signal_handled_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
        ]
      }
      inclusion_templates: {
        Row: {
          body: string
          group_id: string
          kind: string
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          body: string
          group_id: string
          kind: string
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          body?: string
          group_id?: string
          kind?: string
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "inclusion_templates_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
        ]
      }
      invites: {
        Row: {
          claims_member: string | null
          code: string
          created_at: string
          created_by: string | null
          expires_at: string
          group_id: string
          id: string
          max_uses: number
          revoked_at: string | null
          uses: number
        }
        Insert: {
          claims_member?: string | null
          code?: string
          created_at?: string
          created_by?: string | null
          expires_at?: string
          group_id: string
          id?: string
          max_uses?: number
          revoked_at?: string | null
          uses?: number
        }
        Update: {
          claims_member?: string | null
          code?: string
          created_at?: string
          created_by?: string | null
          expires_at?: string
          group_id?: string
          id?: string
          max_uses?: number
          revoked_at?: string | null
          uses?: number
        }
        Relationships: [
          {
            foreignKeyName: "invites_claims_member_fkey"
            columns: ["claims_member"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invites_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
        ]
      }
      meetup_invitations: {
        Row: {
          answered_at: string | null
          client_id: string
          created_at: string
          id: string
          invited_by: string | null
          meetup_id: string
          member_id: string
        }
        Insert: {
          answered_at?: string | null
          client_id: string
          created_at?: string
          id?: string
          invited_by?: string | null
          meetup_id: string
          member_id: string
        }
        Update: {
          answered_at?: string | null
          client_id?: string
          created_at?: string
          id?: string
          invited_by?: string | null
          meetup_id?: string
          member_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "meetup_invitations_meetup_id_fkey"
            columns: ["meetup_id"]
            isOneToOne: false
            referencedRelation: "meetups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "meetup_invitations_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
        ]
      }
      meetup_series: {
        Row: {
          created_at: string
          created_by: string | null
          first_on: string
          group_id: string
          id: string
          repeat: Database["public"]["Enums"]["meetup_repeat"]
          repeat_until: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          first_on: string
          group_id: string
          id?: string
          repeat: Database["public"]["Enums"]["meetup_repeat"]
          repeat_until: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          first_on?: string
          group_id?: string
          id?: string
          repeat?: Database["public"]["Enums"]["meetup_repeat"]
          repeat_until?: string
        }
        Relationships: [
          {
            foreignKeyName: "meetup_series_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
        ]
      }
      meetups: {
        Row: {
          capacity: number | null
          childcare: boolean
          client_id: string | null
          cost: string | null
          created_at: string
          created_by: string | null
          description: string
          ends_at: string
          group_id: string
          guests_welcome: boolean
          id: string
          languages: string[]
          occurrence_on: string | null
          online_url: string | null
          open_to: Database["public"]["Enums"]["meetup_audience"]
          place: string | null
          series_id: string | null
          starts_at: string
          status: Database["public"]["Enums"]["meetup_status"]
          title: string
          transport_help: boolean
          updated_at: string
          wheelchair_access: boolean
        }
        Insert: {
          capacity?: number | null
          childcare?: boolean
          client_id?: string | null
          cost?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          ends_at: string
          group_id: string
          guests_welcome?: boolean
          id?: string
          languages?: string[]
          occurrence_on?: string | null
          online_url?: string | null
          open_to?: Database["public"]["Enums"]["meetup_audience"]
          place?: string | null
          series_id?: string | null
          starts_at: string
          status?: Database["public"]["Enums"]["meetup_status"]
          title: string
          transport_help?: boolean
          updated_at?: string
          wheelchair_access?: boolean
        }
        Update: {
          capacity?: number | null
          childcare?: boolean
          client_id?: string | null
          cost?: string | null
          created_at?: string
          created_by?: string | null
          description?: string
          ends_at?: string
          group_id?: string
          guests_welcome?: boolean
          id?: string
          languages?: string[]
          occurrence_on?: string | null
          online_url?: string | null
          open_to?: Database["public"]["Enums"]["meetup_audience"]
          place?: string | null
          series_id?: string | null
          starts_at?: string
          status?: Database["public"]["Enums"]["meetup_status"]
          title?: string
          transport_help?: boolean
          updated_at?: string
          wheelchair_access?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "meetups_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "meetups_series_id_fkey"
            columns: ["series_id"]
            isOneToOne: false
            referencedRelation: "meetup_series"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_log: {
        Row: {
          action: Database["public"]["Enums"]["moderation_action"]
          comment_id: string | null
          created_at: string
          group_id: string
          id: string
          member_id: string | null
          moderator_id: string | null
          muted_until: string | null
          post_id: string | null
          reason: string | null
          undoes: string | null
        }
        Insert: {
          action: Database["public"]["Enums"]["moderation_action"]
          comment_id?: string | null
          created_at?: string
          group_id: string
          id?: string
          member_id?: string | null
          moderator_id?: string | null
          muted_until?: string | null
          post_id?: string | null
          reason?: string | null
          undoes?: string | null
        }
        Update: {
          action?: Database["public"]["Enums"]["moderation_action"]
          comment_id?: string | null
          created_at?: string
          group_id?: string
          id?: string
          member_id?: string | null
          moderator_id?: string | null
          muted_until?: string | null
          post_id?: string | null
          reason?: string | null
          undoes?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "moderation_log_comment_id_fkey"
            columns: ["comment_id"]
            isOneToOne: false
            referencedRelation: "comments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_log_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_log_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_log_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_log_undoes_fkey"
            columns: ["undoes"]
            isOneToOne: false
            referencedRelation: "moderation_log"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_messages: {
        Row: {
          author_id: string | null
          body: string
          client_id: string
          created_at: string
          from_moderators: boolean
          id: string
          thread_id: string
        }
        Insert: {
          author_id?: string | null
          body: string
          client_id: string
          created_at?: string
          from_moderators: boolean
          id?: string
          thread_id: string
        }
        Update: {
          author_id?: string | null
          body?: string
          client_id?: string
          created_at?: string
          from_moderators?: boolean
          id?: string
          thread_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "moderation_messages_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "moderation_threads"
            referencedColumns: ["id"]
          },
        ]
      }
      moderation_threads: {
        Row: {
          created_at: string
          group_id: string
          id: string
          kind: string
          last_message_at: string
          member_id: string
          to_all: boolean
          to_moderator: string | null
          waiting_since: string | null
        }
        Insert: {
          created_at?: string
          group_id: string
          id?: string
          kind: string
          last_message_at?: string
          member_id: string
          to_all: boolean
          to_moderator?: string | null
          waiting_since?: string | null
        }
        Update: {
          created_at?: string
          group_id?: string
          id?: string
          kind?: string
          last_message_at?: string
          member_id?: string
          to_all?: boolean
          to_moderator?: string | null
          waiting_since?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "moderation_threads_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_threads_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "moderation_threads_to_moderator_fkey"
            columns: ["to_moderator"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          actor_id: string | null
          buddy_id: string | null
          created_at: string
          group_id: string | null
          id: string
          kind: Database["public"]["Enums"]["notification_kind"]
          meetup_id: string | null
          organisation_id: string | null
          person_id: string | null
          post_id: string | null
          read_at: string | null
          thread_id: string | null
          user_id: string
        }
        Insert: {
          actor_id?: string | null
          buddy_id?: string | null
          created_at?: string
          group_id?: string | null
          id?: string
          kind: Database["public"]["Enums"]["notification_kind"]
          meetup_id?: string | null
          organisation_id?: string | null
          person_id?: string | null
          post_id?: string | null
          read_at?: string | null
          thread_id?: string | null
          user_id: string
        }
        Update: {
          actor_id?: string | null
          buddy_id?: string | null
          created_at?: string
          group_id?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["notification_kind"]
          meetup_id?: string | null
          organisation_id?: string | null
          person_id?: string | null
          post_id?: string | null
          read_at?: string | null
          thread_id?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "notifications_buddy_id_fkey"
            columns: ["buddy_id"]
            isOneToOne: false
            referencedRelation: "buddies"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_meetup_id_fkey"
            columns: ["meetup_id"]
            isOneToOne: false
            referencedRelation: "meetups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_thread_id_fkey"
            columns: ["thread_id"]
            isOneToOne: false
            referencedRelation: "moderation_threads"
            referencedColumns: ["id"]
          },
        ]
      }
      organisation_admin_invites: {
        Row: {
          code: string
          created_at: string
          created_by: string | null
          expires_at: string
          id: string
          organisation_id: string
          used_at: string | null
          used_by: string | null
        }
        Insert: {
          code?: string
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          organisation_id: string
          used_at?: string | null
          used_by?: string | null
        }
        Update: {
          code?: string
          created_at?: string
          created_by?: string | null
          expires_at?: string
          id?: string
          organisation_id?: string
          used_at?: string | null
          used_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "organisation_admin_invites_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      organisation_admins: {
        Row: {
          added_by: string | null
          created_at: string
          organisation_id: string
          user_id: string
        }
        Insert: {
          added_by?: string | null
          created_at?: string
          organisation_id: string
          user_id: string
        }
        Update: {
          added_by?: string | null
          created_at?: string
          organisation_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "organisation_admins_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      organisations: {
        Row: {
          address: string
          colour: string
          contact: string
          created_at: string
          description: string
          id: string
          initials: string
          languages: string[]
          name: string
          slug: string
        }
        Insert: {
          address?: string
          colour?: string
          contact?: string
          created_at?: string
          description?: string
          id?: string
          initials?: string
          languages?: string[]
          name: string
          slug: string
        }
        Update: {
          address?: string
          colour?: string
          contact?: string
          created_at?: string
          description?: string
          id?: string
          initials?: string
          languages?: string[]
          name?: string
          slug?: string
        }
        Relationships: []
      }
      post_authors: {
        Row: {
          author_id: string
          client_id: string
          created_at: string
          post_id: string
        }
        Insert: {
          author_id: string
          client_id: string
          created_at?: string
          post_id: string
        }
        Update: {
          author_id?: string
          client_id?: string
          created_at?: string
          post_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "post_authors_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: true
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
        ]
      }
      posts: {
        Row: {
          anonymous: boolean
          author_id: string | null
          body: string
          created_at: string
          deleted_at: string | null
          edited_at: string | null
          group_id: string
          hidden_at: string | null
          hidden_reason: string | null
          id: string
          kind: Database["public"]["Enums"]["post_kind"]
          pinned_at: string | null
        }
        Insert: {
          anonymous?: boolean
          author_id?: string | null
          body: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          group_id: string
          hidden_at?: string | null
          hidden_reason?: string | null
          id?: string
          kind: Database["public"]["Enums"]["post_kind"]
          pinned_at?: string | null
        }
        Update: {
          anonymous?: boolean
          author_id?: string | null
          body?: string
          created_at?: string
          deleted_at?: string | null
          edited_at?: string | null
          group_id?: string
          hidden_at?: string | null
          hidden_reason?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["post_kind"]
          pinned_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "posts_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          display_name: string
          id: string
          language: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          display_name: string
          id: string
          language?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          display_name?: string
          id?: string
          language?: string
          updated_at?: string
        }
        Relationships: []
      }
      reactions: {
        Row: {
          client_id: string
          comment_id: string | null
          created_at: string
          group_id: string
          id: string
          kind: Database["public"]["Enums"]["reaction_kind"]
          post_id: string | null
          user_id: string | null
        }
        Insert: {
          client_id: string
          comment_id?: string | null
          created_at?: string
          group_id: string
          id?: string
          kind: Database["public"]["Enums"]["reaction_kind"]
          post_id?: string | null
          user_id?: string | null
        }
        Update: {
          client_id?: string
          comment_id?: string | null
          created_at?: string
          group_id?: string
          id?: string
          kind?: Database["public"]["Enums"]["reaction_kind"]
          post_id?: string | null
          user_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "reactions_comment_id_fkey"
            columns: ["comment_id"]
            isOneToOne: false
            referencedRelation: "comments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reactions_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reactions_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
        ]
      }
      reports: {
        Row: {
          about_member: string | null
          body: string | null
          client_id: string
          comment_id: string | null
          created_at: string
          group_id: string
          id: string
          item_id: string
          member_id: string | null
          post_id: string | null
          reason: Database["public"]["Enums"]["report_reason"]
          reporter_id: string | null
          resolved_at: string | null
          resolved_by: string | null
        }
        Insert: {
          about_member?: string | null
          body?: string | null
          client_id: string
          comment_id?: string | null
          created_at?: string
          group_id: string
          id?: string
          item_id?: never
          member_id?: string | null
          post_id?: string | null
          reason: Database["public"]["Enums"]["report_reason"]
          reporter_id?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
        }
        Update: {
          about_member?: string | null
          body?: string | null
          client_id?: string
          comment_id?: string | null
          created_at?: string
          group_id?: string
          id?: string
          item_id?: never
          member_id?: string | null
          post_id?: string | null
          reason?: Database["public"]["Enums"]["report_reason"]
          reporter_id?: string | null
          resolved_at?: string | null
          resolved_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "reports_about_member_fkey"
            columns: ["about_member"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_comment_id_fkey"
            columns: ["comment_id"]
            isOneToOne: false
            referencedRelation: "comments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_group_id_fkey"
            columns: ["group_id"]
            isOneToOne: false
            referencedRelation: "groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_post_id_fkey"
            columns: ["post_id"]
            isOneToOne: false
            referencedRelation: "posts"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reports_resolved_by_fkey"
            columns: ["resolved_by"]
            isOneToOne: false
            referencedRelation: "moderation_log"
            referencedColumns: ["id"]
          },
        ]
      }
      rsvps: {
        Row: {
          childcare_children: number
          client_id: string
          cost_is_a_problem: boolean
          created_at: string
          guests: number
          id: string
          meetup_id: string
          member_id: string
          note: string
          promoted_at: string | null
          status: Database["public"]["Enums"]["rsvp_status"]
          transport_help: boolean
          updated_at: string
          waitlisted_at: string | null
        }
        Insert: {
          childcare_children?: number
          client_id: string
          cost_is_a_problem?: boolean
          created_at?: string
          guests?: number
          id?: string
          meetup_id: string
          member_id: string
          note?: string
          promoted_at?: string | null
          status: Database["public"]["Enums"]["rsvp_status"]
          transport_help?: boolean
          updated_at?: string
          waitlisted_at?: string | null
        }
        Update: {
          childcare_children?: number
          client_id?: string
          cost_is_a_problem?: boolean
          created_at?: string
          guests?: number
          id?: string
          meetup_id?: string
          member_id?: string
          note?: string
          promoted_at?: string | null
          status?: Database["public"]["Enums"]["rsvp_status"]
          transport_help?: boolean
          updated_at?: string
          waitlisted_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "rsvps_meetup_id_fkey"
            columns: ["meetup_id"]
            isOneToOne: false
            referencedRelation: "meetups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "rsvps_member_id_fkey"
            columns: ["member_id"]
            isOneToOne: false
            referencedRelation: "group_members"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      accept_admin_invite: {
        Args: { code: string; organisation_slug?: string }
        Returns: string
      }
      accept_invite: {
        Args: { accept_rules: boolean; invite_code: string; nickname: string }
        Returns: string
      }
      add_member_without_phone: {
        Args: { nickname: string; target_group: string }
        Returns: string
      }
      add_reaction: {
        Args: {
          client_id: string
          comment: string
          kind: Database["public"]["Enums"]["reaction_kind"]
          post: string
        }
        Returns: undefined
      }
      add_walk_in: {
        Args: { meetup: string; nickname: string }
        Returns: string
      }
      admin_invite_preview: {
        Args: { code: string }
        Returns: {
          name: string
          slug: string
          works: boolean
        }[]
      }
      answer_buddy_request: {
        Args: { accept: boolean; buddy_request: string }
        Returns: string
      }
      answer_climate: {
        Args: { face?: number; target_group: string }
        Returns: undefined
      }
      answers_to_me: {
        Args: { max_rows?: number }
        Returns: {
          anonymous: boolean
          author_name: string
          author_role: Database["public"]["Enums"]["member_role"]
          body: string
          comment_id: string
          created_at: string
          group_id: string
          group_name: string
          post_body: string
          post_id: string
        }[]
      }
      app_shell: { Args: { target_group?: string }; Returns: Json }
      appoint_moderator: { Args: { member: string }; Returns: undefined }
      archive_group: { Args: { target_group: string }; Returns: undefined }
      ask_buddy: {
        Args: {
          buddy: string
          client_id: string
          newcomer: string
          target_group: string
        }
        Returns: string
      }
      ask_to_answer: {
        Args: { client_id: string; member: string; post: string }
        Returns: string
      }
      calendar_feed: {
        Args: { token: string }
        Returns: {
          description: string
          ends_at: string
          group_name: string
          id: string
          my_answer: Database["public"]["Enums"]["rsvp_status"]
          online_url: string
          place: string
          starts_at: string
          status: Database["public"]["Enums"]["meetup_status"]
          title: string
          updated_at: string
        }[]
      }
      cancel_meetup: { Args: { meetup: string }; Returns: undefined }
      cancel_meetup_series: { Args: { meetup: string }; Returns: undefined }
      check_in: { Args: { meetup: string; member: string }; Returns: undefined }
      check_invite_nickname: {
        Args: { invite_code: string; nickname: string }
        Returns: string
      }
      check_request_nickname: {
        Args: { nickname: string; target_group: string }
        Returns: string
      }
      climate_question: { Args: { target_group: string }; Returns: boolean }
      climate_summary: { Args: { target_group: string }; Returns: Json }
      create_admin_invite: { Args: { organisation: string }; Returns: string }
      create_calendar_feed: {
        Args: Record<PropertyKey, never>
        Returns: string
      }
      create_claim_invite: { Args: { member: string }; Returns: string }
      create_comment: {
        Args: {
          anonymous: boolean
          body: string
          client_id: string
          post: string
        }
        Returns: string
      }
      create_group: {
        Args: {
          client_id: string
          description: string
          join_policy: Database["public"]["Enums"]["join_policy"]
          language: string
          name: string
          nickname: string
          organisation: string
          rules: string
          slug: string
        }
        Returns: string
      }
      create_invite: {
        Args: { expires_at: string; max_uses: number; target_group: string }
        Returns: {
          claims_member: string | null
          code: string
          created_at: string
          created_by: string | null
          expires_at: string
          group_id: string
          id: string
          max_uses: number
          revoked_at: string | null
          uses: number
        }
        SetofOptions: {
          from: "*"
          to: "invites"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      create_meetup: {
        Args: {
          capacity: number
          childcare: boolean
          client_id: string
          cost: string
          description: string
          ends_at: string
          guests_welcome?: boolean
          languages: string[]
          online_url: string
          open_to: Database["public"]["Enums"]["meetup_audience"]
          place: string
          starts_at: string
          target_group: string
          title: string
          transport_help: boolean
          wheelchair_access: boolean
        }
        Returns: string
      }
      create_meetup_series: {
        Args: {
          capacity: number
          childcare: boolean
          client_id: string
          cost: string
          description: string
          ends_at: string
          guests_welcome?: boolean
          languages: string[]
          online_url: string
          open_to: Database["public"]["Enums"]["meetup_audience"]
          place: string
          repeat: Database["public"]["Enums"]["meetup_repeat"]
          repeat_until: string
          starts_at: string
          target_group: string
          title: string
          transport_help: boolean
          wheelchair_access: boolean
        }
        Returns: string
      }
      create_post: {
        Args: {
          anonymous: boolean
          body: string
          client_id: string
          kind: Database["public"]["Enums"]["post_kind"]
          target_group: string
        }
        Returns: string
      }
      create_report: {
        Args: {
          body?: string
          client_id: string
          comment?: string
          member?: string
          post?: string
          reason: Database["public"]["Enums"]["report_reason"]
        }
        Returns: string
      }
      decide_join_request: {
        Args: { approve: boolean; member: string }
        Returns: undefined
      }
      delete_comment: { Args: { comment: string }; Returns: undefined }
      delete_my_account: {
        Args: { also_unnamed?: boolean }
        Returns: undefined
      }
      delete_post: { Args: { post: string }; Returns: undefined }
      dismiss_reports: {
        Args: {
          comment?: string
          member?: string
          post?: string
          reason: string
          target_group: string
        }
        Returns: string
      }
      edit_comment: {
        Args: { body: string; comment: string }
        Returns: undefined
      }
      edit_post: {
        Args: {
          body: string
          kind: Database["public"]["Enums"]["post_kind"]
          post: string
        }
        Returns: undefined
      }
      end_buddy: { Args: { buddy_request: string }; Returns: undefined }
      export_my_data: { Args: Record<PropertyKey, never>; Returns: Json }
      group_feed: {
        Args: {
          before_created_at?: string
          before_id?: string
          only_post?: string
          page_size?: number
          target_group: string
        }
        Returns: {
          anonymous: boolean
          author_name: string
          author_role: Database["public"]["Enums"]["member_role"]
          body: string
          comment_count: number
          created_at: string
          edited_at: string
          hidden: boolean
          hidden_reason: string
          id: string
          is_mine: boolean
          kind: Database["public"]["Enums"]["post_kind"]
          my_reactions: Database["public"]["Enums"]["reaction_kind"][]
          pinned: boolean
          recognise_count: number
          support_count: number
          thanks_count: number
        }[]
      }
      group_moderators: {
        Args: { target_group: string }
        Returns: {
          id: string
          nickname: string
        }[]
      }
      hide_comment: {
        Args: { comment: string; reason: string }
        Returns: string
      }
      hide_post: { Args: { post: string; reason: string }; Returns: string }
      impact_report: {
        Args: { from_date: string; organisation: string; to_date: string }
        Returns: Json
      }
      inclusion_settings_of: { Args: { target_group: string }; Returns: Json }
      inclusion_signals: {
        Args: { target_group: string }
        Returns: {
          evidence: Json
          handled: boolean
          kind: string
          member: string
          post: string
          since: string
        }[]
      }
      inclusion_template: {
        Args: { kind: string; target_group: string }
        Returns: string
      }
      inclusion_trend: { Args: { target_group: string }; Returns: Json }
      invite_preview: {
        Args: { invite_code: string }
        Returns: {
          claims_nickname: string
          description: string
          group_name: string
          organisation_name: string
          rules: string
          state: string
        }[]
      }
      invite_to_meetup: {
        Args: { client_id: string; meetup: string; member: string }
        Returns: string
      }
      is_host_or_moderator: { Args: { target_group: string }; Returns: boolean }
      join_request_status: { Args: { target_group: string }; Returns: Json }
      leave_group: { Args: { target_group: string }; Returns: undefined }
      leave_organisation: { Args: { organisation: string }; Returns: undefined }
      mark_group_seen: {
        Args: { read_at: string; target_group: string }
        Returns: undefined
      }
      mark_notifications_read: {
        Args: { ids?: string[]; reminders?: string[] }
        Returns: number
      }
      mark_signal_handled: {
        Args: {
          kind: string
          member?: string
          note?: string
          post?: string
          target_group: string
        }
        Returns: string
      }
      meetup_cards: {
        Args: {
          max_rows?: number
          only_meetup?: string
          only_mine?: boolean
          target_group?: string
        }
        Returns: {
          capacity: number
          childcare: boolean
          cost: string
          description: string
          ends_at: string
          full: boolean
          going: number
          group_id: string
          group_name: string
          guests_welcome: boolean
          i_am_member: boolean
          i_host: boolean
          id: string
          languages: string[]
          maybe: number
          my_childcare_children: number
          my_cost_is_a_problem: boolean
          my_guests: number
          my_note: string
          my_status: Database["public"]["Enums"]["rsvp_status"]
          my_transport_help: boolean
          my_waiting_place: number
          online_url: string
          open_to: Database["public"]["Enums"]["meetup_audience"]
          place: string
          starts_at: string
          status: Database["public"]["Enums"]["meetup_status"]
          title: string
          transport_help: boolean
          waiting: number
          wheelchair_access: boolean
        }[]
      }
      meetup_counts: {
        Args: { meetup: string }
        Returns: {
          going: number
          maybe: number
          waiting: number
        }[]
      }
      message_member: {
        Args: { body: string; client_id: string; member: string }
        Returns: string
      }
      mute_member: {
        Args: { days: number; member: string; reason: string }
        Returns: string
      }
      my_groups: {
        Args: Record<PropertyKey, never>
        Returns: {
          group_id: string
          last_seen_at: string
          name: string
          new_comments: number
          new_posts: number
          organisation_name: string
          role: Database["public"]["Enums"]["member_role"]
        }[]
      }
      my_inclusion: { Args: Record<PropertyKey, never>; Returns: Json }
      my_membership: {
        Args: { target_group: string }
        Returns: {
          id: string
          nickname: string
          role: Database["public"]["Enums"]["member_role"]
          status: Database["public"]["Enums"]["member_status"]
        }[]
      }
      page_group_admin: {
        Args: { organisation_slug: string; target_group: string }
        Returns: Json
      }
      page_group_feed: {
        Args: {
          before_created_at?: string
          before_id?: string
          page_size?: number
          target_group: string
        }
        Returns: Json
      }
      page_group_inclusion: { Args: { target_group: string }; Returns: Json }
      page_group_meetups: { Args: { target_group: string }; Returns: Json }
      page_home: { Args: Record<PropertyKey, never>; Returns: Json }
      page_host_view: { Args: { target_meetup: string }; Returns: Json }
      page_impact_report: {
        Args: { from_date: string; organisation_slug: string; to_date: string }
        Returns: Json
      }
      page_meetup: { Args: { target_meetup: string }; Returns: Json }
      page_meetup_edit: { Args: { target_meetup: string }; Returns: Json }
      page_moderation_item: {
        Args: {
          comment?: string
          member?: string
          post?: string
          target_group: string
        }
        Returns: Json
      }
      page_moderation_log: {
        Args: { before?: string; target_group: string }
        Returns: Json
      }
      page_moderation_queue: { Args: { target_group: string }; Returns: Json }
      page_moderation_thread: { Args: { thread: string }; Returns: Json }
      page_my_moderation: { Args: Record<PropertyKey, never>; Returns: Json }
      page_my_organisations: { Args: Record<PropertyKey, never>; Returns: Json }
      page_notifications: {
        Args: { before?: string; max_rows?: number }
        Returns: {
          about_me: boolean
          actor_name: string
          buddy_request: string
          buddy_status: string
          created_at: string
          group_id: string
          group_name: string
          id: string
          kind: Database["public"]["Enums"]["notification_kind"]
          meetup_ends_at: string
          meetup_id: string
          meetup_starts_at: string
          meetup_status: Database["public"]["Enums"]["meetup_status"]
          meetup_title: string
          organisation_name: string
          organisation_slug: string
          person_email: string
          person_nickname: string
          post_excerpt: string
          post_id: string
          read_at: string
          thread_id: string
        }[]
      }
      page_organisation_admin: {
        Args: { organisation_slug: string }
        Returns: Json
      }
      page_post: {
        Args: { target_group: string; target_post: string }
        Returns: Json
      }
      pin_post: { Args: { pinned: boolean; post: string }; Returns: undefined }
      post_comments: {
        Args: { target_post: string }
        Returns: {
          anonymous: boolean
          author_name: string
          author_role: Database["public"]["Enums"]["member_role"]
          body: string
          created_at: string
          edited_at: string
          hidden: boolean
          hidden_reason: string
          id: string
          is_mine: boolean
          my_reactions: Database["public"]["Enums"]["reaction_kind"][]
          recognise_count: number
          support_count: number
          thanks_count: number
        }[]
      }
      public_organisation: { Args: { slug: string }; Returns: Json }
      public_sitemap: {
        Args: Record<PropertyKey, never>
        Returns: {
          slug: string
        }[]
      }
      refuse_join_request: {
        Args: { member: string; reason?: string }
        Returns: string
      }
      register_organisation: {
        Args: {
          address: string
          client_id: string
          colour: string
          contact: string
          description: string
          initials: string
          languages: string[]
          name: string
          slug: string
        }
        Returns: string
      }
      remove_from_group: {
        Args: { member: string; reason: string }
        Returns: string
      }
      remove_member: { Args: { member: string }; Returns: undefined }
      remove_moderator: { Args: { member: string }; Returns: undefined }
      remove_organisation_admin: {
        Args: { organisation: string; person: string }
        Returns: undefined
      }
      remove_reaction: {
        Args: {
          comment: string
          kind: Database["public"]["Enums"]["reaction_kind"]
          post: string
        }
        Returns: undefined
      }
      reply_as_moderators: {
        Args: { body: string; client_id: string; thread: string }
        Returns: string
      }
      reply_to_moderators: {
        Args: { body: string; client_id: string; thread: string }
        Returns: string
      }
      request_to_join: {
        Args: { accept_rules: boolean; nickname: string; target_group: string }
        Returns: Database["public"]["Enums"]["member_status"]
      }
      restore_comment: {
        Args: { comment: string; reason: string }
        Returns: string
      }
      restore_post: { Args: { post: string; reason: string }; Returns: string }
      revoke_admin_invite: { Args: { invite: string }; Returns: undefined }
      revoke_calendar_feed: {
        Args: Record<PropertyKey, never>
        Returns: undefined
      }
      revoke_invite: { Args: { invite: string }; Returns: undefined }
      rsvp: {
        Args: {
          childcare_children: number
          client_id: string
          cost_is_a_problem: boolean
          guests?: number
          meetup: string
          note: string
          status: Database["public"]["Enums"]["rsvp_status"]
          transport_help: boolean
        }
        Returns: Database["public"]["Enums"]["rsvp_status"]
      }
      rsvp_for_member: {
        Args: {
          childcare_children: number
          client_id: string
          cost_is_a_problem: boolean
          guests?: number
          meetup: string
          member: string
          note: string
          status: Database["public"]["Enums"]["rsvp_status"]
          transport_help: boolean
        }
        Returns: Database["public"]["Enums"]["rsvp_status"]
      }
      send_kind_message: {
        Args: {
          body: string
          client_id: string
          kind: string
          member: string
          target_group: string
        }
        Returns: string
      }
      send_left_out_message: {
        Args: {
          body?: string
          client_id: string
          target_group: string
          to_moderator?: string
        }
        Returns: string
      }
      set_inclusion_template: {
        Args: { body: string; kind: string; target_group: string }
        Returns: string
      }
      set_member_role: {
        Args: {
          member: string
          new_role: Database["public"]["Enums"]["member_role"]
        }
        Returns: undefined
      }
      set_signals_opt_out: {
        Args: { opt_out: boolean; target_group: string }
        Returns: boolean
      }
      signal_opt_outs: {
        Args: { target_group: string }
        Returns: {
          member: string
          nickname: string
        }[]
      }
      unarchive_group: { Args: { target_group: string }; Returns: undefined }
      undo_check_in: {
        Args: { meetup: string; member: string }
        Returns: undefined
      }
      unmute_member: {
        Args: { member: string; reason: string }
        Returns: string
      }
      update_group: {
        Args: {
          description: string
          join_policy: Database["public"]["Enums"]["join_policy"]
          language: string
          name: string
          rules: string
          target_group: string
        }
        Returns: undefined
      }
      update_inclusion_settings: {
        Args: { settings: Json; target_group: string }
        Returns: Json
      }
      update_meetup: {
        Args: {
          capacity: number
          childcare: boolean
          cost: string
          description: string
          ends_at: string
          guests_welcome?: boolean
          languages: string[]
          meetup: string
          online_url: string
          open_to: Database["public"]["Enums"]["meetup_audience"]
          place: string
          starts_at: string
          title: string
          transport_help: boolean
          wheelchair_access: boolean
        }
        Returns: undefined
      }
      update_meetup_series: {
        Args: {
          capacity: number
          childcare: boolean
          cost: string
          description: string
          ends_at: string
          guests_welcome?: boolean
          languages: string[]
          meetup: string
          online_url: string
          open_to: Database["public"]["Enums"]["meetup_audience"]
          place: string
          repeat_until: string
          starts_at: string
          title: string
          transport_help: boolean
          wheelchair_access: boolean
        }
        Returns: undefined
      }
      update_organisation: {
        Args: {
          address: string
          colour: string
          contact: string
          description: string
          initials: string
          languages: string[]
          name: string
          organisation: string
        }
        Returns: undefined
      }
    }
    Enums: {
      join_policy: "invite_only" | "request" | "open"
      meetup_audience: "group" | "organisation" | "public"
      meetup_repeat: "weekly" | "every_two_weeks" | "monthly_nth_weekday"
      meetup_status: "scheduled" | "cancelled"
      member_role: "member" | "host" | "moderator"
      member_status: "pending" | "active" | "left" | "removed" | "refused"
      moderation_action:
        | "dismiss"
        | "hide"
        | "restore"
        | "message"
        | "mute"
        | "unmute"
        | "remove"
        | "refuse_join"
        | "role_change"
      notification_kind:
        | "reminder"
        | "promoted"
        | "changed"
        | "cancelled"
        | "invited"
        | "answer_asked"
        | "buddy_asked"
        | "buddy_accepted"
        | "moderators_wrote"
        | "admin_joined"
        | "admin_removed"
        | "moderator_appointed"
        | "moderator_removed"
        | "join_requested"
        | "join_accepted"
        | "join_refused"
      post_kind: "story" | "question" | "tip" | "looking_for" | "offering"
      reaction_kind: "recognise" | "support" | "thanks"
      report_reason:
        | "disrespectful"
        | "left_out"
        | "private_info"
        | "unsafe"
        | "spam"
        | "other"
      rsvp_status: "going" | "maybe" | "not_going" | "waiting"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      join_policy: ["invite_only", "request", "open"],
      meetup_audience: ["group", "organisation", "public"],
      meetup_repeat: ["weekly", "every_two_weeks", "monthly_nth_weekday"],
      meetup_status: ["scheduled", "cancelled"],
      member_role: ["member", "host", "moderator"],
      member_status: ["pending", "active", "left", "removed", "refused"],
      moderation_action: [
        "dismiss",
        "hide",
        "restore",
        "message",
        "mute",
        "unmute",
        "remove",
        "refuse_join",
        "role_change",
      ],
      notification_kind: [
        "reminder",
        "promoted",
        "changed",
        "cancelled",
        "invited",
        "answer_asked",
        "buddy_asked",
        "buddy_accepted",
        "moderators_wrote",
        "admin_joined",
        "admin_removed",
        "moderator_appointed",
        "moderator_removed",
        "join_requested",
        "join_accepted",
        "join_refused",
      ],
      post_kind: ["story", "question", "tip", "looking_for", "offering"],
      reaction_kind: ["recognise", "support", "thanks"],
      report_reason: [
        "disrespectful",
        "left_out",
        "private_info",
        "unsafe",
        "spam",
        "other",
      ],
      rsvp_status: ["going", "maybe", "not_going", "waiting"],
    },
  },
} as const

