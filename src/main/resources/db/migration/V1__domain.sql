-- Domain tables of orderflow. Camunda manages its own ACT_* tables.
-- Written in the SQL common to PostgreSQL and H2 (PostgreSQL mode).

create sequence customer_seq start with 1 increment by 50;
create sequence sales_order_seq start with 1 increment by 50;
create sequence order_line_seq start with 1 increment by 50;
create sequence contract_seq start with 1 increment by 50;
create sequence invoice_seq start with 1 increment by 50;
create sequence delivery_seq start with 1 increment by 50;
create sequence audit_event_seq start with 1 increment by 50;
create sequence order_revision_seq start with 1 increment by 50;
create sequence order_number_seq start with 1 increment by 1;

create table customer (
    id             bigint primary key,
    name           varchar(200) not null,
    contact_person varchar(200),
    email          varchar(320) not null,
    phone          varchar(50),
    address        varchar(500),
    tax_id         varchar(50),
    version        bigint not null
);

create table sales_order (
    id               bigint primary key,
    order_number     varchar(32) not null unique,
    customer_id      bigint not null references customer (id),
    owner            varchar(64) not null,
    status           varchar(16) not null,
    sales_stage      varchar(16) not null,
    currency         varchar(3) not null,
    discount_percent numeric(5, 2) not null,
    total            numeric(19, 2) not null,
    revision         integer not null,
    version          bigint not null,
    created_at       timestamp with time zone not null,
    closed_at        timestamp with time zone,
    closed_by        varchar(64)
);
create index sales_order_owner_idx on sales_order (owner);
create index sales_order_status_idx on sales_order (status, id);
create index sales_order_customer_idx on sales_order (customer_id);

create table order_line (
    id          bigint primary key,
    order_id    bigint not null references sales_order (id),
    position    integer not null,
    sku         varchar(64) not null,
    description varchar(500) not null,
    quantity    integer not null,
    unit_price  numeric(19, 2) not null
);
create index order_line_order_idx on order_line (order_id);

create table contract (
    id                 bigint primary key,
    order_id           bigint not null unique references sales_order (id),
    payment_terms_days integer not null,
    delivery_date      date not null,
    warranty_months    integer not null,
    clauses            text,
    contract_version   integer not null
);

create table invoice (
    id         bigint primary key,
    order_id   bigint not null references sales_order (id),
    number     varchar(32) not null unique,
    amount     numeric(19, 2) not null,
    status     varchar(16) not null,
    issued_at  timestamp with time zone not null,
    status_changed_at timestamp with time zone not null
);
create index invoice_order_idx on invoice (order_id);

create table delivery (
    id             bigint primary key,
    order_id       bigint not null references sales_order (id),
    scheduled_date date not null,
    status         varchar(16) not null,
    delivered_at   timestamp with time zone
);
create index delivery_order_idx on delivery (order_id);

create table audit_event (
    id          bigint primary key,
    order_id    bigint,
    actor       varchar(64) not null,
    action      varchar(64) not null,
    details     text,
    before_state text,
    after_state  text,
    occurred_at timestamp with time zone not null
);
create index audit_event_order_idx on audit_event (order_id, id);

create table order_revision (
    id          bigint primary key,
    order_id    bigint not null references sales_order (id),
    number      integer not null,
    snapshot    text not null,
    created_by  varchar(64) not null,
    created_at  timestamp with time zone not null,
    reason      varchar(64) not null,
    request_id  bigint,
    unique (order_id, number)
);
