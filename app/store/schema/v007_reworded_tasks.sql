-- Tasks keep their English wording as the key of its translation. When a wording changes,
-- the tasks already on a person's list are moved to the new one here, so they keep being
-- shown in the person's language (the old wording is no longer in the catalogs).
-- "Your card" says which card: the bank card.
UPDATE tasks SET title = 'Call your bank about {amount} paid to {payee} on {date} — use the number on your bank card'
 WHERE title = 'Call your bank about {amount} paid to {payee} on {date} — use the number on your card';
-- One idea per sentence; an account that is not a bank has no card to read a number from.
UPDATE tasks SET how = 'Change its password first. Then call the number on an official letter or statement. Never call a number from a message. Say what you saw.'
 WHERE how = 'Change its password first. Then call the number on an official letter or on your card, never a number from a message, and say what you saw.';
