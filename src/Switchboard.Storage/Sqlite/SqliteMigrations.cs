namespace Switchboard.Storage.Sqlite;

/// <summary>
/// The schema, as ordered migrations applied at start. Never edit a released migration; add a new one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "messages, cases, events, outbox", """
            CREATE TABLE messages(
                id INTEGER PRIMARY KEY,
                connector TEXT NOT NULL,
                platform TEXT NOT NULL,
                platform_message_id TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                thread_id TEXT,
                author_id TEXT NOT NULL,
                author_handle TEXT,
                text TEXT NOT NULL,
                is_public INTEGER NOT NULL,
                attachments_json TEXT,
                reply_to_message_id TEXT,
                author_followers INTEGER,
                sent_at TEXT NOT NULL,
                received_at TEXT NOT NULL,
                case_id INTEGER,
                processed_at TEXT,
                transcript TEXT,
                triage_json TEXT,
                UNIQUE(platform, platform_message_id));
            CREATE INDEX ix_messages_unprocessed ON messages(id) WHERE processed_at IS NULL;
            CREATE INDEX ix_messages_case ON messages(case_id);

            CREATE TABLE cases(
                id INTEGER PRIMARY KEY,
                customer_key TEXT NOT NULL,
                platform TEXT NOT NULL,
                connector TEXT NOT NULL,
                status TEXT NOT NULL,
                version INTEGER NOT NULL,
                opened_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                customer_handle TEXT,
                intent TEXT,
                severity TEXT,
                confidence REAL,
                needs_human INTEGER NOT NULL DEFAULT 0,
                owner_team TEXT,
                first_owner_team TEXT,
                assignee TEXT,
                first_response_due_at TEXT,
                resolution_due_at TEXT,
                first_responded_at TEXT,
                resolved_at TEXT,
                ticket_ref TEXT,
                cluster_id TEXT,
                draft_text TEXT,
                language TEXT,
                reply_channel_id TEXT,
                reply_conversation_id TEXT,
                reply_thread_id TEXT,
                reply_is_public INTEGER NOT NULL DEFAULT 0,
                reply_to_message_id TEXT);
            CREATE INDEX ix_cases_customer ON cases(customer_key, status);
            CREATE INDEX ix_cases_cluster ON cases(cluster_id) WHERE cluster_id IS NOT NULL;

            CREATE TABLE case_events(
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES cases(id),
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                actor TEXT NOT NULL,
                detail TEXT,
                rule_or_model TEXT);
            CREATE INDEX ix_case_events_case ON case_events(case_id, id);
            -- The event log is append-only: the database refuses edits and deletes.
            CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
            CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

            CREATE TABLE outbox(
                id INTEGER PRIMARY KEY,
                case_id INTEGER,
                kind TEXT NOT NULL,
                connector TEXT NOT NULL,
                target_json TEXT NOT NULL,
                payload_json TEXT NOT NULL,
                card_kind TEXT,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_error TEXT,
                created_at TEXT NOT NULL,
                sent_at TEXT,
                result_json TEXT);
            CREATE INDEX ix_outbox_due ON outbox(next_attempt_at, id) WHERE status = 'pending';

            CREATE TABLE card_posts(
                id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL,
                card_kind TEXT NOT NULL,
                connector TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                platform_message_id TEXT NOT NULL,
                outbox_id INTEGER NOT NULL UNIQUE,
                posted_at TEXT NOT NULL);
            CREATE INDEX ix_card_posts_case ON card_posts(case_id, card_kind);

            CREATE TABLE action_tokens(
                token TEXT PRIMARY KEY,
                case_id INTEGER NOT NULL,
                action TEXT NOT NULL,
                case_version INTEGER NOT NULL,
                created_at TEXT NOT NULL);

            CREATE TABLE playground_posts(
                id INTEGER PRIMARY KEY,
                channel_id TEXT NOT NULL,
                conversation_id TEXT,
                thread_id TEXT,
                author TEXT NOT NULL,
                kind TEXT NOT NULL,
                text TEXT,
                card_json TEXT,
                is_public INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                revision INTEGER NOT NULL);
            CREATE INDEX ix_playground_revision ON playground_posts(revision);
            """),
        new(2, "private draft beside the public one", """
            ALTER TABLE cases ADD COLUMN draft_private_text TEXT;
            """),
        new(3, "hash-chained audit log", """
            CREATE TABLE audit_log(
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                case_id INTEGER,
                before_json TEXT,
                after_json TEXT,
                rule_or_model TEXT,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """),
        new(4, "SLA clocks per case", """
            CREATE TABLE case_sla(
                case_id INTEGER PRIMARY KEY,
                state_json TEXT NOT NULL,
                next_check_at TEXT);
            CREATE INDEX ix_case_sla_due ON case_sla(next_check_at) WHERE next_check_at IS NOT NULL;
            """),

        // Numbered after its issue (6, Telegram), like the others, so branches adding migrations at the same time do not collide.
        new(6, "pending edit prompts (Telegram force-reply edits survive a restart)", """
            CREATE TABLE pending_edits(
                connector TEXT NOT NULL,
                chat_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                token TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                PRIMARY KEY(connector, chat_id, user_id));
            """),

        // Numbered after its issue (9), like analytics, so branches adding migrations at the same time do not collide.
        new(9, "teams conversation references", """
            CREATE TABLE teams_conversations(
                conversation_id TEXT PRIMARY KEY,
                service_url TEXT NOT NULL,
                tenant_id TEXT,
                bot_id TEXT,
                channel_id TEXT NOT NULL,
                conversation_type TEXT,
                updated_at TEXT NOT NULL);
            """),

        // Numbered after its issue (12) rather than 2 so branches adding migrations at the same time do not collide.
        new(12, "analytics: weekly posts, retro samples and scores", """
            CREATE TABLE analytics_weekly_posts(
                kind TEXT NOT NULL,
                period TEXT NOT NULL,
                posted_at TEXT NOT NULL,
                PRIMARY KEY(kind, period));

            CREATE TABLE retro_samples(
                period TEXT NOT NULL,
                case_id INTEGER NOT NULL,
                intent TEXT NOT NULL,
                PRIMARY KEY(period, case_id));

            CREATE TABLE retro_scores(
                period TEXT NOT NULL,
                case_id INTEGER NOT NULL,
                reviewer TEXT NOT NULL,
                tone INTEGER NOT NULL CHECK(tone BETWEEN 1 AND 5),
                accuracy INTEGER NOT NULL CHECK(accuracy BETWEEN 1 AND 5),
                speed INTEGER NOT NULL CHECK(speed BETWEEN 1 AND 5),
                scored_at TEXT NOT NULL,
                PRIMARY KEY(period, case_id, reviewer));
            CREATE INDEX ix_case_events_at ON case_events(at);
            """),

        // Numbered after its issue (11), like analytics (12), so parallel branches do not collide.
        new(11, "campaign launch runs, reminders and clarifications", """
            CREATE TABLE launch_runs(
                id INTEGER PRIMARY KEY,
                campaign TEXT NOT NULL,
                go_live TEXT NOT NULL,
                started_by TEXT NOT NULL,
                started_at TEXT NOT NULL,
                connector TEXT NOT NULL,
                channel_id TEXT NOT NULL);
            CREATE INDEX ix_launch_runs_campaign ON launch_runs(campaign, id);
            CREATE TABLE launch_run_tasks(
                run_id INTEGER NOT NULL REFERENCES launch_runs(id),
                task_id TEXT NOT NULL,
                state TEXT NOT NULL,
                by TEXT,
                at TEXT,
                done_token TEXT NOT NULL UNIQUE,
                blocked_token TEXT NOT NULL UNIQUE,
                PRIMARY KEY(run_id, task_id));
            CREATE TABLE launch_run_reminders(
                run_id INTEGER NOT NULL REFERENCES launch_runs(id),
                key TEXT NOT NULL,
                sent_at TEXT NOT NULL,
                PRIMARY KEY(run_id, key));
            CREATE TABLE campaign_clarifications(
                id INTEGER PRIMARY KEY,
                campaign TEXT NOT NULL,
                cluster_key TEXT NOT NULL,
                text TEXT NOT NULL,
                ask_count INTEGER NOT NULL,
                status TEXT NOT NULL,
                created_at TEXT NOT NULL,
                pinned_at TEXT,
                pin_token TEXT UNIQUE,
                pinned_by TEXT);
            CREATE INDEX ix_campaign_clarifications ON campaign_clarifications(campaign, id);
            """),

        // Issue 11, second round (1101 so it sorts after 11 and collides with no other issue's number): the checklist
        // card's post (edited in place) and where an approved clarification was sent and pinned.
        new(1101, "campaign checklist post and clarification pins", """
            ALTER TABLE launch_runs ADD COLUMN checklist_outbox_id INTEGER;
            ALTER TABLE campaign_clarifications ADD COLUMN source_connector TEXT;
            ALTER TABLE campaign_clarifications ADD COLUMN source_channel_id TEXT;
            ALTER TABLE campaign_clarifications ADD COLUMN send_outbox_id INTEGER;
            ALTER TABLE campaign_clarifications ADD COLUMN pin_outbox_id INTEGER;
            ALTER TABLE campaign_clarifications ADD COLUMN pin_note TEXT;
            """),
    ];

    internal sealed record Migration(int Version, string Name, string Sql);
}
