-- Money and goods follow every change of an order.
-- Invoices become documents with a number, currency, reason and author, can be credited (credit notes)
-- and voided; deliveries carry lines (SKU and quantity) and may be returns; a settlement is the open
-- work of bringing an order's invoices back in line with its total.

create sequence credit_note_seq start with 1 increment by 50;
create sequence delivery_line_seq start with 1 increment by 50;
create sequence settlement_seq start with 1 increment by 50;
create sequence invoice_number_seq start with 1 increment by 1;
create sequence credit_note_number_seq start with 1 increment by 1;

-- Invoices: the amount credited so far is kept on the invoice, so "never more than is left" is checked
-- against one row under its optimistic lock. Existing invoices keep their numbers.
alter table invoice add column currency varchar(3);
update invoice set currency = (select o.currency from sales_order o where o.id = invoice.order_id);
alter table invoice alter column currency set not null;
alter table invoice add column credited numeric(19, 2) not null default 0;
alter table invoice add column reason varchar(500);
alter table invoice add column issued_by varchar(64) not null default 'unknown';
alter table invoice alter column issued_by drop default;
alter table invoice add column void_reason varchar(500);
alter table invoice add column voided_by varchar(64);
alter table invoice add column voided_at timestamp with time zone;
alter table invoice add column settlement_id bigint;
alter table invoice add column version bigint not null default 0;
alter table invoice add constraint invoice_amount_positive check (amount > 0);
alter table invoice add constraint invoice_credited_within check (credited >= 0 and credited <= amount);

create table credit_note (
    id            bigint primary key,
    invoice_id    bigint not null references invoice (id),
    order_id      bigint not null references sales_order (id),
    number        varchar(32) not null unique,
    amount        numeric(19, 2) not null check (amount > 0),
    currency      varchar(3) not null,
    reason        varchar(500) not null,
    issued_by     varchar(64) not null,
    issued_at     timestamp with time zone not null,
    settlement_id bigint
);
create index credit_note_order_idx on credit_note (order_id, id);
create index credit_note_invoice_idx on credit_note (invoice_id);

-- Deliveries: a type, a version, and lines.
alter table delivery add column type varchar(16) not null default 'DELIVERY';
alter table delivery add column version bigint not null default 0;

create table delivery_line (
    id          bigint primary key,
    delivery_id bigint not null references delivery (id),
    sku         varchar(64) not null,
    quantity    integer not null check (quantity > 0),
    unique (delivery_id, sku)
);

-- Every order so far had one delivery, made at creation for all its lines: it carries them.
insert into delivery_line (id, delivery_id, sku, quantity)
select row_number() over (order by d.id, l.sku), d.id, l.sku, l.quantity
from (select order_id, min(id) as id from delivery group by order_id) d
join (select order_id, sku, sum(quantity) as quantity from order_line group by order_id, sku) l
    on l.order_id = d.order_id;
-- Hibernate takes blocks of 50 ids below the value it draws: start those blocks above the ids used here.
select setval('delivery_line_seq', (select coalesce(max(id), 0) + 50 from delivery_line));

create table settlement (
    id                  bigint primary key,
    order_id            bigint not null references sales_order (id),
    status              varchar(16) not null,
    old_total           numeric(19, 2) not null,
    new_total           numeric(19, 2) not null,
    currency            varchar(3) not null,
    process_instance_id varchar(64) unique,
    opened_at           timestamp with time zone not null,
    opened_by           varchar(64) not null,
    settled_at          timestamp with time zone,
    settled_by          varchar(64),
    action              varchar(32),
    documents           text,
    version             bigint not null
);
-- At most one open settlement per order: a second change while it is open updates that one.
create unique index settlement_one_open_per_order on settlement (order_id) where status = 'OPEN';
create index settlement_order_idx on settlement (order_id, id);

-- An email queued by a direct edit belongs to no process instance: it names what it is about instead.
alter table queued_mail alter column source_process_instance_id drop not null;
alter table queued_mail add column about varchar(100);

-- Invoices flagged before settlements existed: where the order's invoices already add up to its total
-- they stand; the others stay flagged until finance brings the balance to the total.
update invoice set status = 'ISSUED'
where status = 'NEEDS_REISSUE'
  and (select o.total from sales_order o where o.id = invoice.order_id)
    = (select coalesce(sum(i.amount - i.credited), 0) from invoice i
       where i.order_id = invoice.order_id and i.status <> 'VOID');
