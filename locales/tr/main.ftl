# Merhaba arayüz metinleri: Türkçe.
app-name = Merhaba
nav-back = Geri
nav-settings = Ayarlar
emergency-title = Acil
emergency-all = Tüm acil numaralar
emergency-intro = Bu numaraları aramak ücretsizdir.
home-intro = Hangi konuda yardıma ihtiyacınız var?
service-count = { $count ->
    [one] 1 hizmet
   *[other] { $count } hizmet
}
category-choose = Bir konu seçin
submenu-services = Hizmetler
section-rights = Haklar ve yükümlülükler
section-cost = Ücret
section-location = Yer
section-internet = İnternet kaynakları
place-hours = Çalışma saatleri
place-address = Adres
place-directions = Yol tarifi
place-call = Ara: { $number }
no-places = Gidilecek bir ofis yok: bu hizmete internetten veya telefonla ulaşılır.
no-links = İnternet kaynağı listelenmemiş.
sources-title = Bu bilgilerin kaynağı
checked-on = Son kontrol: { $date }
sample-badge = Örnek
sample-notice = Bu kayıt bir örnektir. Ayrıntıları henüz resmî bir kaynakla karşılaştırılmadı: harekete geçmeden önce doğrulayın.
fallback-notice = Bu sayfanın bazı bölümleri henüz çevrilmediği için { $lang } dilinde gösteriliyor.
also-in = Ayrıca şurada
settings-language = Dil
settings-content = Şehir rehberi
settings-content-version = { $city }: içerik sürümü { $version }, { $date } itibarıyla
settings-privacy = Bu uygulama sizinle ilgili hiçbir şeyi hiçbir yere göndermez. Ayarlarınız bu cihazda kalır.
not-found = Bu sayfa yok.
go-home = Ana sayfaya git
error-store = Şehir rehberi okunamadı.
search-placeholder = Ara: bir hizmet, bir kurum, bir ihtiyaç
search-start = En az iki harf yazın. Türkçe, İngilizce veya Arapça yazabilirsiniz.
search-found-in = { $lang } üzerinden bulundu
search-empty = “{ $query }” için sonuç bulunamadı.
search-empty-hint = Yazımı kontrol edin, başka bir kelime deneyin ya da bir konu seçin:
