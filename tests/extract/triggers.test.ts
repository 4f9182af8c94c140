import { describe, expect, it } from 'vitest';
import { findTrigger, relationTrigger, relationTypesIn } from '../../extract/triggers.ts';

/** Sentences and clauses from the seed articles, with the trigger word each holds or lacks. */

describe('trigger words in Vietnamese', () => {
  it('find the words that say a relation, syllable by syllable', () => {
    const lead =
      'Ngày 28/10, tại trụ sở Bộ Ngoại giao, đồng chí Nguyễn Minh Vũ, Ủy viên dự khuyết Trung ương Đảng, Thứ trưởng Thường trực Bộ Ngoại giao đã cùng đồng chí Trương Quốc Trí, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Tỉnh trưởng tỉnh Quảng Đông, Trung Quốc đồng chủ trì Hội nghị lần 9';
    expect(relationTrigger('CO_CHAIRED', lead, 'vi')).toBe('đồng chủ trì');
    expect(relationTrigger('WITNESSED', 'Trưởng đoàn hai bên chứng kiến Lễ trao Thỏa thuận khung hợp tác chiến lược', 'vi')).toBe('chứng kiến');
    expect(relationTrigger('SIGNED', 'Hai bên cũng đã chứng kiến lễ ký kết các văn kiện hợp tác', 'vi')).toBe('ký');
    expect(relationTrigger('ATTENDED', 'Tham dự Hội nghị có đồng chí Nguyễn Việt Dũng, Tổng Lãnh sự Việt Nam tại Quảng Châu', 'vi')).toBe('tham dự');
    expect(relationTrigger('VISITED', 'Tổng Bí thư Tô Lâm đã thăm Quảng Châu đầu tiên', 'vi')).toBe('thăm');
    expect(relationTrigger('INVITED', 'trân trọng mời Lãnh đạo tỉnh Quảng Đông dự Diễn đàn Kinh tế mùa Thu', 'vi')).toBe('mời');
    expect(relationTrigger('ADDRESSED', 'Thứ trưởng Thường trực Nguyễn Minh Vũ, Trưởng đoàn phía Việt Nam phát biểu khai mạc.', 'vi')).toBe('phát biểu');
    expect(relationTrigger('PRESENTED', 'Phó Tỉnh trưởng tỉnh Quảng Đông Trương Quốc Trí giới thiệu về thành tựu phát triển của tỉnh Quảng Đông', 'vi')).toBe('giới thiệu');
    expect(relationTrigger('AGREED', 'Bày tỏ nhất trí cao với các đề xuất hợp tác của Việt Nam', 'vi')).toBe('nhất trí');
    expect(relationTrigger('PROPOSED', 'Thứ trưởng đề nghị hai bên tăng cường thúc đẩy giao lưu, tiếp xúc các cấp', 'vi')).toBe('đề nghị');
  });

  it('tell words apart by their marks: kỳ (period) is not ký (sign), mới (new) is not mời (invite)', () => {
    expect(relationTrigger('SIGNED', 'kim ngạch song phương năm 2024 đạt 56,2 tỷ USD, tăng 16,6% so với cùng kỳ', 'vi')).toBeUndefined();
    const newZone = 'Trưởng đoàn hai bên chứng kiến Lễ trao Thỏa thuận khung hợp tác chiến lược giữa Công ty IMG và Công ty TNHH Đầu tư liên hợp Thâm Việt về Dự án xây dựng khu công nghiệp mới.';
    expect(relationTrigger('INVITED', newZone, 'vi')).toBeUndefined();
    expect(relationTrigger('CO_CHAIRED', 'Tham dự Hội nghị có đồng chí Nguyễn Việt Dũng', 'vi')).toBeUndefined();
  });

  it('ignore case and where a tone mark sits (thoả and thỏa are one word)', () => {
    expect(findTrigger('Lễ trao Thoả thuận khung hợp tác chiến lược', ['thỏa thuận'], 'vi')).toBe('thỏa thuận');
    expect(findTrigger('ĐỒNG CHỦ TRÌ Hội nghị', ['đồng chủ trì'], 'vi')).toBe('đồng chủ trì');
    expect(findTrigger('Tham dự Hội nghị'.normalize('NFD'), ['tham dự'], 'vi')).toBe('tham dự');
  });

  it('match whole syllables only', () => {
    expect(findTrigger('kýx', ['ký'], 'vi')).toBeUndefined();
    expect(findTrigger('xký', ['ký'], 'vi')).toBeUndefined();
    expect(findTrigger('lễ ký, kết', ['ký'], 'vi')).toBe('ký');
    expect(findTrigger('Công ty TNHH Đầu tư liên hợp Thâm Việt', ['việ'], 'vi')).toBeUndefined();
  });
});

describe('trigger words in Dutch', () => {
  it('find stems at the start of a word', () => {
    const minutes = 'Tijdens de voorjaarsbijeenkomst van 2025 in Quang Ninh ondertekenden het provinciaal partijcomité van Quang Ninh';
    expect(relationTrigger('SIGNED', minutes, 'nl')).toBe('ondertek');
    const group = 'onder voorzitterschap van de vicevoorzitter van het Volkscomité van de provincie Quang Ninh';
    expect(relationTrigger('CO_CHAIRED', group, 'nl')).toBe('voorzit');
    expect(relationTrigger('MET', 'op 20 februari, ontmoette de heer Vu Dai Thang', 'nl')).toBe('ontmoet');
    expect(relationTrigger('MET', 'Vanmiddag hebben de partijsecretarissen van drie provincies: Lang Son, Cao Bang en Ha Giang, ook overleg gevoerd', 'nl')).toBe('overleg');
    expect(relationTrigger('WITNESSED', 'waren de delegatieleiders van beide zijden getuige van de ondertekeningsceremonie', 'nl')).toBe('getuige');
    expect(relationTrigger('GAVE', 'overhandigde een herdenkingsgeschenk aan kameraad Tran Cuong', 'nl')).toBe('overhandig');
    expect(relationTrigger('AGREED', 'Beide partijen kwamen ook overeen een werkgroep op te richten', 'nl')).toBe('overeen');
    expect(relationTrigger('AGREED', 'Kameraad Tran Cuong, secretaris van het partijcomité van de autonome regio Guangxi Zhuang, onderschreef de mening', 'nl')).toBe('onderschre');
    expect(relationTrigger('INVITED', 'nodigde de leiders van de provincie Guangdong respectvol uit', 'nl')).toBe('nodigde');
    const relations = 'Op 18 januari 1950 werd China het eerste land ter wereld dat officieel diplomatieke betrekkingen aanknoopte met Vietnam.';
    expect(relationTrigger('RECOGNISED', relations, 'nl')).toBe('diplomatieke betrekkingen');
  });

  it('find the half of a split verb that stays together', () => {
    const proposal = 'Tijdens de bijeenkomst stelde kameraad Vu Dai Thang, secretaris van het Provinciaal Partijcomité, voor dat de twee provincies/regio\'s';
    expect(relationTrigger('PROPOSED', proposal, 'nl')).toBe('voor dat');
  });

  it('do not find a stem inside a word, nor a verb split around its object', () => {
    expect(relationTrigger('CO_CHAIRED', 'Zhang Guozhi, vicevoorzitter van de provincie Guangdong, spreekt op de conferentie.', 'nl')).toBeUndefined();
    const lead = 'Op 28 oktober zat de heer Nguyen Minh Vu, plaatsvervangend lid van het Centraal Comité, samen met de heer Truong Quoc Tri de 9e conferentie voor';
    expect(relationTrigger('CO_CHAIRED', lead, 'nl')).toBeUndefined();
    expect(relationTypesIn('De afgevaardigden namen een gedenkwaardige foto.', 'nl')).toEqual([]);
  });
});

describe('trigger words in German', () => {
  it('find stems at the start of a word, umlauts folded', () => {
    const documents = 'Die beiden Seiten wurden Zeugen der Unterzeichnung von Kooperationsdokumenten';
    expect(relationTrigger('SIGNED', documents, 'de')).toBe('unterzeich');
    expect(relationTrigger('WITNESSED', documents, 'de')).toBe('zeuge');
    expect(relationTrigger('WITNESSED', 'Die Leiter der beiden Delegationen wohnten der Unterzeichnungszeremonie', 'de')).toBe('wohnten');
    expect(relationTrigger('ATTENDED', 'An der Konferenz nahmen teil: Herr Nguyen Viet Dung, Generalkonsul von Vietnam in Guangzhou (China)', 'de')).toBe('nahmen teil');
    expect(relationTrigger('AGREED', 'Beide Seiten erörterten zudem eingehend zahlreiche Richtungen und Maßnahmen zur Förderung der Zusammenarbeit im Zeitraum 2025–2027 und einigten sich darauf.', 'de')).toBe('einigten');
    expect(relationTrigger('ADDRESSED', 'Der stellvertretende Minister Nguyen Minh Vu, Leiter der vietnamesischen Delegation, hielt die Eröffnungsrede.', 'de')).toBe('eröffnungsrede');
    expect(relationTrigger('VISITED', 'Generalsekretär To Lam besuchte Guangzhou', 'de')).toBe('besuch');
    expect(relationTrigger('PROPOSED', 'Der stellvertretende Minister schlug vor, dass beide Seiten den Austausch und die Kontakte auf allen Ebenen fördern', 'de')).toBe('schlug vor');
    expect(relationTrigger('INVITED', 'die führenden Vertreter der Provinz Guangdong respektvoll zum Herbstwirtschaftsforum im November 2025 in Ho-Chi-Minh -Stadt einladen', 'de')).toBe('einlad');
  });

  it('do not take the head of a delegation for a chair', () => {
    expect(relationTrigger('CO_CHAIRED', 'Der stellvertretende Minister Nguyen Minh Vu, Leiter der vietnamesischen Delegation, hielt die Eröffnungsrede.', 'de')).toBeUndefined();
  });
});

describe('trigger words of a type', () => {
  it('are none for structural types, which an article states without a verb of their own', () => {
    expect(relationTrigger('LOCATED_IN', 'Mong Cai (Vietnam) en Dongxing (China)', 'nl')).toBeUndefined();
    expect(relationTypesIn('Hai bên cũng đã chứng kiến lễ ký kết các văn kiện hợp tác', 'vi')).toEqual(expect.arrayContaining(['WITNESSED', 'SIGNED', 'COOPERATED_WITH']));
  });

  it('are listed for English sources to come', () => {
    expect(relationTrigger('SIGNED', 'The two provinces signed a framework agreement', 'en')).toBe('sign');
    expect(relationTrigger('MET', 'The secretary met with his counterpart', 'en')).toBe('met with');
  });
});
