package names_test

import (
	"fmt"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/names"
)

func ExampleParse() {
	p := names.Parse("Mr. Mas’oud Khodabandeh")
	fmt.Printf("%s | given %q | family %q | honorifics %q | key %q\n",
		p.Kind, p.Display.Given, p.Display.Family, p.Honorifics, p.Key)

	p = names.Parse("Mowaffak al-Rubaie")
	fmt.Printf("particle %q family %q\n", p.Display.NonDroppingParticle, p.Display.Family)

	p = names.Parse("Maryam Rajavi (nee Qajar Azodanlu)")
	fmt.Printf("%s, aliases %q\n", p.Display.String(), p.Aliases)

	p = names.Parse("Human Rights Watch")
	fmt.Println(p.Kind, p.Display.Literal)
	// Output:
	// person | given "Mas’oud" | family "Khodabandeh" | honorifics ["Mr."] | key "xudabanda|masud"
	// particle "al-" family "Rubaie"
	// Maryam Rajavi, aliases ["Qajar Azodanlu"]
	// org Human Rights Watch
}

func ExampleEquivalent() {
	same, why := names.Equivalent(
		bib.Name{Family: "Hanif-Nezhad", Given: "Mohammad"},
		bib.Name{Family: "Hanifnejad", Given: "Mohamed"})
	fmt.Println(same, why)

	same, why = names.Equivalent(
		bib.Name{Family: "Araghchi", Given: "Abbas"},
		bib.Name{Family: "ʻArāqchī", Given: "ʻAbbās"})
	fmt.Println(same, why)

	same, _ = names.Equivalent(bib.Name{Family: "Rajavi", Given: "Masoud"}, bib.Name{Family: "Rajavi", Given: "Kazem"})
	fmt.Println(same)
	// Output:
	// true matched by: zh/j + doubled letters + e for a (Persian, Turkish) (authority: Ḥanīfnizhād, Muḥammad)
	// true matched by: apostrophe + diacritics + gh/q
	// false
}

func ExampleCluster() {
	in := []string{
		"Masoud Rajavi", "Rajavi, Mas’oud", "Maryam Rajavi", "Rajavi",
		"Abbas Araghchi", "Abbās ʻArāqchī", "Araghchi",
		"Khomeini", "Khamenei", "Khomein",
	}
	for _, a := range names.Cluster(in) {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-16s %-20s %s", a.Input, a.Key, a.Why)))
	}
	// Output:
	// Masoud Rajavi    @rajavi-masoud       authority: Rajavī, Masʻūd
	// Rajavi, Mas’oud  @rajavi-masoud       authority: Rajavī, Masʻūd
	// Maryam Rajavi    @rajavi-maryam       authority: Rajavī, Maryam
	// Rajavi           rajavi|
	// Abbas Araghchi   arakchi|abas
	// Abbās ʻArāqchī   arakchi|abas         apostrophe + diacritics + gh/q
	// Araghchi         arakchi|abas         surname only
	// Khomeini         @khomeini-ruhollah   authority: Khomeini, Ruhollah
	// Khamenei         @khamenei-ali        authority: Khamenei, Ali
	// Khomein          @khomein             authority: Khomein
}

func ExampleMatchKey() {
	fmt.Println(names.MatchKey(bib.Name{Family: "Araqchi", Given: "Abbās"}))
	fmt.Println(names.MatchKey(bib.Name{Literal: "PMOI"}))
	// Output:
	// arakchi|abas
	// @mek
}
