-- Modification requests (结单修改): what was asked, against which order version, and who decided.

create sequence modification_request_seq start with 1 increment by 50;

create table modification_request (
    id                  bigint primary key,
    order_id            bigint not null references sales_order (id),
    requester           varchar(64) not null,
    reason              varchar(32) not null,
    description         varchar(2000) not null,
    base_version        bigint not null,
    status              varchar(16) not null,
    required_approvals  varchar(500),
    process_instance_id varchar(64),
    applied_revision    integer,
    round               integer not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint not null
);
create index modification_request_order_idx on modification_request (order_id, id);
create index modification_request_status_idx on modification_request (status, updated_at);

create table field_change (
    request_id bigint not null references modification_request (id),
    position   integer not null,
    field      varchar(64) not null,
    old_value  text,
    new_value  text,
    primary key (request_id, position)
);

create table modification_approval (
    request_id bigint not null references modification_request (id),
    position   integer not null,
    round      integer not null,
    group_id   varchar(64) not null,
    user_id    varchar(64) not null,
    decision   varchar(16) not null,
    comment    varchar(2000),
    decided_at timestamp with time zone not null,
    primary key (request_id, position)
);
