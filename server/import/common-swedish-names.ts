// Given names common in Sweden across the generations a case file spans (children, parents, relatives),
// beside faker's short lists: a capitalised word that is one of these is suggested as a name even when it
// is also an ordinary word ("Tindra", "Saga", "Vera", "Hugo"). Written by hand from the names that top
// the yearly birth statistics; not a register of people.
export const COMMON_SWEDISH_GIVEN_NAMES: readonly string[] = [
  // girls, recent decades
  'Alice', 'Maja', 'Elsa', 'Astrid', 'Wilma', 'Freja', 'Olivia', 'Selma', 'Alma', 'Ebba', 'Saga', 'Agnes',
  'Ella', 'Clara', 'Stella', 'Vera', 'Signe', 'Juni', 'Nora', 'Lilly', 'Leah', 'Ellen', 'Ines', 'Elvira',
  'Ida', 'Julia', 'Moa', 'Emma', 'Linnea', 'Hanna', 'Ellie', 'Thea', 'Molly', 'Isabelle', 'Matilda', 'Emilia',
  'Felicia', 'Hedda', 'Lova', 'Minna', 'Sigrid', 'Greta', 'Stina', 'Märta', 'Tilda', 'Nellie', 'Meja', 'Svea',
  'Tuva', 'Tindra', 'Ronja', 'Elin', 'Cornelia', 'Alva', 'Edith', 'Ester', 'Livia', 'Majken', 'Iris', 'Mira',
  'Hilda', 'Ingrid', 'Elise', 'Lykke', 'Novalie', 'Liv', 'Amanda', 'Nathalie', 'Josefin', 'Frida', 'Lisa',
  // girls, parents' and grandparents' generations
  'Anna', 'Eva', 'Maria', 'Karin', 'Kristina', 'Lena', 'Sara', 'Malin', 'Johanna', 'Jenny', 'Linda', 'Camilla',
  'Therese', 'Sofia', 'Jessica', 'Helena', 'Susanne', 'Annika', 'Ulrika', 'Åsa', 'Petra', 'Cecilia', 'Marie',
  'Caroline', 'Sandra', 'Emelie', 'Madeleine', 'Louise', 'Rebecka', 'Birgitta', 'Margareta', 'Elisabeth',
  'Ingegerd', 'Gunilla', 'Monica', 'Kerstin', 'Inger', 'Marianne', 'Ulla', 'Britt', 'Gun', 'Siv', 'Ann',
  // boys, recent decades
  'William', 'Liam', 'Noah', 'Hugo', 'Lucas', 'Oliver', 'Elias', 'Oscar', 'Matteo', 'Adam', 'Alexander', 'Leo',
  'Nils', 'Vincent', 'Theo', 'Olle', 'Arvid', 'Ludvig', 'Viktor', 'Gustav', 'Axel', 'Valter', 'Frans', 'Sixten',
  'Harry', 'Melvin', 'Loui', 'Ebbe', 'Alfred', 'Otto', 'Sam', 'August', 'Edvin', 'Isak', 'Malte', 'Charlie',
  'Emil', 'Jack', 'Love', 'Albin', 'Elton', 'Wilmer', 'Kevin', 'Anton', 'Filip', 'Simon', 'Viggo', 'Milo',
  'Ture', 'Vidar', 'Hampus', 'Rasmus', 'Jonathan', 'Sebastian', 'Casper', 'Linus', 'Måns', 'Kalle', 'Ivar',
  'Colin', 'Julian', 'Benjamin', 'Felix', 'Leon', 'Gabriel', 'Mohammed', 'Ali', 'Omar', 'Yusuf', 'Ibrahim',
  // boys, parents' and grandparents' generations
  'Johan', 'Erik', 'Lars', 'Anders', 'Per', 'Karl', 'Mikael', 'Fredrik', 'Magnus', 'Peter', 'Jonas', 'Daniel',
  'Andreas', 'Mattias', 'Stefan', 'Tomas', 'Niklas', 'Marcus', 'Robin', 'Patrik', 'Jimmy', 'Christoffer',
  'Henrik', 'Martin', 'Tobias', 'Joakim', 'Jesper', 'Mats', 'Ulf', 'Bengt', 'Göran', 'Lennart', 'Kjell', 'Bo',
  'Sven', 'Leif', 'Rolf', 'Hans', 'Jan', 'Björn', 'Håkan', 'Roger', 'Thomas', 'Dennis', 'Pontus', 'Kent',
];
