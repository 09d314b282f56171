-- Which work a process instance does is orderflow's to say: each instance orderflow starts is linked
-- here (or by modification_request.process_instance_id), and its steps read the link, never a variable.

create unique index modification_request_process_instance_idx on modification_request (process_instance_id);

create sequence lifecycle_request_seq start with 1 increment by 50;

-- A closing or reopening of an order, who asked for it, and (reopening) the admin's decision.
create table lifecycle_request (
    id                  bigint primary key,
    order_id            bigint not null references sales_order (id),
    kind                varchar(16) not null,
    requester           varchar(64) not null,
    reason              varchar(2000),
    process_instance_id varchar(64) unique,
    decided_by          varchar(64),
    approved            boolean,
    decision_comment    varchar(2000),
    decided_at          timestamp with time zone,
    created_at          timestamp with time zone not null
);
create index lifecycle_request_order_idx on lifecycle_request (order_id, id);

-- A send-email instance and the email it sends, for the work of which instance.
create table queued_mail (
    process_instance_id        varchar(64) primary key,
    source_process_instance_id varchar(64) not null,
    mails                      varchar(64) not null,
    template                   varchar(100) not null,
    created_at                 timestamp with time zone not null
);
