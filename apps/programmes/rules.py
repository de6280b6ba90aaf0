# The programme library is edited by whoever manages the catalogue ("catalog.manage"); its pages are public.
