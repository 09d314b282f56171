-- Every email orderflow sends, one row per event and recipient: the outbox that makes sending
-- idempotent (a retried job finds the row SENT and mails nobody twice) and the record users see.
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

create sequence notification_seq start with 1 increment by 50;

-- order_id has no foreign key on purpose: some emails (the periodic review) are about no single
-- order, and the record of a sent email must outlive whatever it was about.
create table notification (
    id                   bigint primary key,
    event_key            varchar(200) not null,
    order_id             bigint,
    request_id           bigint,
    recipient_user_id    varchar(64) not null,
    recipient_email      varchar(320) not null,
    locale               varchar(35) not null,
    template             varchar(100) not null,
    subject              varchar(998) not null,
    state                varchar(16) not null,
    attempts             integer not null,
    last_error           text,
    message_id           varchar(255),
    attachment_report_id bigint,
    created_at           timestamp with time zone not null,
    sent_at              timestamp with time zone,
    unique (event_key, recipient_email)
);
create index notification_order_idx on notification (order_id, id);
