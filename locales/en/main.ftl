# Merhaba UI strings: English. Every other locale has the same message ids (a test checks).
app-name = Merhaba
nav-back = Back
nav-settings = Settings
emergency-title = Emergency
emergency-all = All emergency numbers
emergency-intro = Calls to these numbers are free.
home-intro = What do you need help with?
service-count = { $count ->
    [one] 1 service
   *[other] { $count } services
}
category-choose = Choose a topic
submenu-services = Services
section-rights = Rights and obligations
section-cost = Cost
section-location = Location
section-internet = Internet resources
place-hours = Opening hours
place-address = Address
place-directions = Directions
place-call = Call { $number }
no-places = There is no office to visit: this service is reached online or by phone.
no-links = No internet resources are listed.
sources-title = Where these facts come from
checked-on = Last checked on { $date }
sample-badge = Sample
sample-notice = This entry is a sample. Its details have not been checked against an official source yet: confirm them before you act on them.
fallback-notice = Parts of this page are shown in { $lang } because they are not translated yet.
also-in = Also listed in
settings-language = Language
settings-content = City guide
settings-content-version = { $city }: content version { $version }, as of { $date }
settings-privacy = This app sends nothing about you anywhere. Your settings stay on this device.
not-found = This page does not exist.
go-home = Go to the home screen
error-store = The city guide could not be read.
search-placeholder = Search: a service, an office, a need
search-start = Type at least two letters. You can type in English, Turkish or Arabic.
search-found-in = Found through { $lang }
search-empty = Nothing found for “{ $query }”.
search-empty-hint = Check the spelling, try another word, or choose a topic:
