-- Each order keeps its own copy of its customer's contact details, taken when the order is created:
-- a modification request changes that order's copy only, so a closed order changes only through its
-- own approved request, never through another order's request on the same customer.
-- And a customer remembers who created it: a sales rep sees the customers they created or that have
-- an order they own.

alter table sales_order add column customer_name varchar(200);
-- As long as a modification request may make it (500), longer than the customer's column (200).
alter table sales_order add column customer_contact_person varchar(500);
alter table sales_order add column customer_email varchar(320);
alter table sales_order add column customer_phone varchar(50);
alter table sales_order add column customer_address varchar(500);

-- Existing orders take the contact their customer has now: that is what they showed until today.
update sales_order set
    customer_name = (select c.name from customer c where c.id = sales_order.customer_id),
    customer_contact_person = (select c.contact_person from customer c where c.id = sales_order.customer_id),
    customer_email = (select c.email from customer c where c.id = sales_order.customer_id),
    customer_phone = (select c.phone from customer c where c.id = sales_order.customer_id),
    customer_address = (select c.address from customer c where c.id = sales_order.customer_id);

alter table sales_order alter column customer_name set not null;
alter table sales_order alter column customer_email set not null;

-- Who created a customer. For existing customers the owner of their oldest order stands in; a
-- customer without orders keeps NULL, which only those who see every customer can read.
alter table customer add column created_by varchar(64);

update customer set created_by = (
    select o.owner from sales_order o where o.customer_id = customer.id
    order by o.created_at, o.id
    fetch first 1 row only);

